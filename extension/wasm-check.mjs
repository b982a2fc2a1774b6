// Shared by extension/build.mjs and www/build.mjs: only a core that answers is shipped.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Instantiates a wasm-bindgen package in Node and analyses one draft; '' when it answers. */
export async function wasmAnswers(dir) {
  try {
    const glue = await import(`${pathToFileURL(join(dir, 'sociable.js')).href}?t=${Date.now()}`);
    glue.initSync({ module: readFileSync(join(dir, 'sociable_bg.wasm')) });
    return glue.analyze('Buy now!', { strictness: 'balanced' }).version === glue.reportVersion() ? '' : 'wrong report version';
  } catch (error) {
    return String(error);
  }
}
