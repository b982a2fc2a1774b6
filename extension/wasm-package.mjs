// Owns the WASM package that the extension and the playground ship: target/wasm-pkg, as
// wasm-bindgen wrote it. Optimises it with binaryen's wasm-opt from npm, checks that the
// result starts and answers in Node, and stamps it (optimised.json) so that later builds
// reuse it as it is: the work is done once per wasm-bindgen output.
// build.sh runs `node extension/wasm-package.mjs` right after wasm-bindgen; extension/build.mjs
// and www/build.mjs call `wasmPackage()`, which does the work itself when nothing is stamped.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
export const WASM_PKG = join(dirname(here), 'target', 'wasm-pkg');
const GLUE = join(WASM_PKG, 'sociable.js');
const MODULE = join(WASM_PKG, 'sociable_bg.wasm');
const STAMP = join(WASM_PKG, 'optimised.json');

// Only npm's binaryen (extension/package.json): Debian's (wasm-opt 108) turns wasm-bindgen's
// externref table into a funcref table, and the module then fails at start-up.
const WASM_OPT = join(here, 'node_modules', '.bin', 'wasm-opt');
const WASM_OPT_ARGS = ['-Oz', '--enable-bulk-memory', '--enable-sign-ext', '--enable-mutable-globals',
  '--enable-nontrapping-float-to-int', '--enable-multivalue', '--enable-reference-types'];

/**
 * The optimised, checked package: its directory and sizes in bytes. Throws, saying what to
 * do, when the package is missing or the optimised module does not answer.
 */
export async function wasmPackage() {
  if (!existsSync(GLUE) || !existsSync(MODULE)) {
    throw new Error('target/wasm-pkg is missing: run ./build.sh (it builds the WASM first)');
  }
  const stamp = existsSync(STAMP) ? JSON.parse(readFileSync(STAMP, 'utf8')) : undefined;
  if (stamp && stamp.sha256 === sha256(readFileSync(MODULE))) return { dir: WASM_PKG, ...stamp };

  if (!existsSync(WASM_OPT)) throw new Error(`${WASM_OPT} is missing: run ./build.sh setup (npm ci in extension/)`);
  const unoptimised = readFileSync(MODULE).length;
  execFileSync(WASM_OPT, [...WASM_OPT_ARGS, MODULE, '-o', MODULE], { stdio: 'inherit' });
  const problem = await startsAndAnswers();
  if (problem) throw new Error(`the optimised target/wasm-pkg does not start: ${problem}`);
  const module = readFileSync(MODULE);
  const info = { sha256: sha256(module), bytes: module.length, gzipped: gzipSync(module, { level: 9 }).length, unoptimised };
  writeFileSync(STAMP, `${JSON.stringify(info, null, 2)}\n`);
  return { dir: WASM_PKG, ...info };
}

/** For build scripts: the package's directory, or exit with the reason it is not there. */
export async function requireWasmPackage() {
  try {
    return (await wasmPackage()).dir;
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}

/** Instantiates the package in Node and analyses one draft: '' when it answers, else why not. */
async function startsAndAnswers() {
  try {
    const glue = await import(`${pathToFileURL(GLUE).href}?t=${Date.now()}`);
    glue.initSync({ module: readFileSync(MODULE) });
    const report = glue.analyze('Buy now!', { strictness: 'balanced' });
    return report.version === glue.reportVersion() ? '' : `report version ${report.version}, expected ${glue.reportVersion()}`;
  } catch (error) {
    return String(error);
  }
}

function sha256(bytes) {
  return createHash('sha256').update(bytes).digest('hex');
}

// Run as a script (by build.sh): prepare the package and print its size.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const { bytes, gzipped } = await wasmPackage();
    console.log(`wasm: ${bytes} bytes (${gzipped} gzipped)`);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
