// The WASM core, loaded straight into the page: no background here, so the overlay gets an
// `analyze` that calls the module itself. The glue and the module are the extension's own.
import init, { analyze as analyzeRaw, warmUp } from 'sociable-wasm';
import type { AnalyzeFn, Options, Report } from '../../extension/src/core-types';

let ready: Promise<void> | undefined;

/** Fetches and starts the module once; relative to the page, so any static server works. */
export function start(): Promise<void> {
  ready ??= (async () => {
    await init({ module_or_path: new URL('sociable_bg.wasm', document.baseURI) });
    warmUp();
  })();
  return ready;
}

/** The core's answer, synchronously; only after `start()` resolved. */
export function analyzeNow(text: string, options: Options): Report {
  return analyzeRaw(text, options) as Report;
}

export const analyze: AnalyzeFn = async ({ requestId, text, options }) => {
  try {
    await start();
    return { ok: true, requestId, report: analyzeNow(text, options) };
  } catch (error) {
    // The core refuses options it cannot use (or could not start): asking again won't help.
    return { ok: false, requestId, error: String(error), retryable: false };
  }
};
