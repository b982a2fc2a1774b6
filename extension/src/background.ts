// The background owns the WASM core: Chromium refuses to compile WebAssembly inside content
// scripts on pages whose CSP lacks 'wasm-unsafe-eval', while extension pages allow it.
import init, { analyze, warmUp } from 'sociable-wasm';
import type { Options, Report } from './core-types';
import { api } from './browser-api';
import { ANALYZE_PORT, isToBackground, type AnalyzeAnswer, type StartupAnswer } from './messages';
import { addToTally } from './settings';
import { syncOptionalSites } from './optional-sites';

/** Milliseconds to fetch, compile and instantiate the module, then to warm up the rules. */
let instantiateMs = -1;
let warmUpMs = -1;

const ready: Promise<void> = (async () => {
  const started = performance.now();
  await init({ module_or_path: fetch(api.runtime.getURL('sociable_bg.wasm')) });
  const instantiated = performance.now();
  instantiateMs = instantiated - started;
  warmUp();
  warmUpMs = performance.now() - instantiated;
})();

let startupError = '';
ready.catch((error: unknown) => {
  startupError = String(error);
});

function answer(id: number, text: string, options: Options): AnalyzeAnswer {
  try {
    return { ok: true, id, report: analyze(text, options) as Report };
  } catch (error) {
    return { ok: false, id, error: String(error) };
  }
}

// Listeners are registered synchronously, so a service worker woken by a message gets it.
api.runtime.onMessage.addListener((message: unknown, _sender, sendResponse) => {
  if (!isToBackground(message)) return false;
  if (message.kind === 'cs-bg-analyze') {
    ready.then(
      () => sendResponse(answer(message.id, message.text, message.options)),
      (error) => sendResponse({ ok: false, id: message.id, error: String(error) }),
    );
    return true;
  }
  if (message.kind === 'ui-bg-startup') {
    const reply = (): StartupAnswer => ({ instantiateMs, warmUpMs, error: startupError });
    ready.then(() => sendResponse(reply()), () => sendResponse(reply()));
    return true;
  }
  void addToTally(message.verdict);
  return false;
});

api.runtime.onConnect.addListener((port) => {
  if (port.name !== ANALYZE_PORT) return;
  port.onMessage.addListener((message: unknown) => {
    if (!isToBackground(message) || message.kind !== 'cs-bg-analyze') return;
    ready.then(
      () => port.postMessage(answer(message.id, message.text, message.options)),
      (error) => port.postMessage({ ok: false, id: message.id, error: String(error) }),
    );
  });
});

api.permissions.onAdded.addListener(() => void syncOptionalSites());
api.permissions.onRemoved.addListener(() => void syncOptionalSites());
api.runtime.onStartup?.addListener(() => void syncOptionalSites());
api.runtime.onInstalled.addListener(() => void syncOptionalSites());
