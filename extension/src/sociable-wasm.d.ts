// The wasm-bindgen glue (target/wasm-pkg/sociable.js, built with --no-typescript); the
// build aliases 'sociable-wasm' to it. Shapes come from src/wasm.rs.
declare module 'sociable-wasm' {
  import type { Options } from './core-types';
  export default function init(input: { module_or_path: RequestInfo | URL | Response | BufferSource | WebAssembly.Module | Promise<Response> }): Promise<unknown>;
  /** Returns a `Report`; throws when the options cannot be used. */
  export function analyze(text: string, options: Options | undefined): unknown;
  /** The same `Report` as one JSON string in the compact form `messages.ts` reads. */
  export function analyzeCompact(text: string, options: Options | undefined): string;
  export function reportVersion(): number;
  export function warmUp(): void;
}
