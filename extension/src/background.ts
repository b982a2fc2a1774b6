// The background owns the WASM core: Chromium refuses to compile WebAssembly inside content
// scripts on pages whose CSP lacks 'wasm-unsafe-eval', while extension pages allow it.
import init, { analyzeCompact, warmUp } from 'sociable-wasm';
import type { AnalyzeRequest } from './core-types';
import { api } from './browser-api';
import { ANALYZE_PORT, isAnalyzeMessage, isPostedMessage, type BgCsAnswer } from './messages';
import { addToTally } from './settings';
import { syncOptionalSites } from './optional-sites';

// Start-up is timed with three performance measures, which devtools show and the benchmark
// (tests/e2e/bench.mjs) reads from this worker: 'sociable-instantiate' (fetch, compile and
// instantiate the module), 'sociable-warm-up' (read the stored patterns) and
// 'sociable-first-analysis' (the first draft, while the patterns' first states are built).
const ready: Promise<void> = (async () => {
  const started = performance.now();
  await init({ module_or_path: fetch(api.runtime.getURL('sociable_bg.wasm')) });
  const instantiated = performance.now();
  performance.measure('sociable-instantiate', { start: started, end: instantiated });
  warmUp();
  performance.measure('sociable-warm-up', { start: instantiated, end: performance.now() });
})();

ready.catch((error: unknown) => console.error(`Sociable: the checker could not start: ${String(error)}`));

let firstAnalysisMeasured = false;

async function answer({ requestId, text, options }: AnalyzeRequest): Promise<BgCsAnswer> {
  try {
    await ready;
    const started = performance.now();
    const reportJson = analyzeCompact(text, options);
    if (!firstAnalysisMeasured) {
      performance.measure('sociable-first-analysis', { start: started, end: performance.now() });
      firstAnalysisMeasured = true;
    }
    return { ok: true, requestId, reportJson };
  } catch (error) {
    // The core refuses options it cannot use, and asking again would not change that.
    return { ok: false, requestId, error: String(error), retryable: false };
  }
}

// Listeners are registered synchronously, so a service worker woken by a message gets it.
api.runtime.onConnect.addListener((port) => {
  if (port.name !== ANALYZE_PORT) return;
  port.onMessage.addListener((message: unknown) => {
    if (!isAnalyzeMessage(message)) {
      console.error('Sociable: a malformed message on the analyze port was dropped', message);
      return;
    }
    void answer(message).then((reply) => {
      try {
        port.postMessage(reply);
      } catch {
        // The page closed or navigated while the core worked: nobody is left to answer.
      }
    });
  });
});

api.runtime.onMessage.addListener((message: unknown, _sender, sendResponse) => {
  if (!isPostedMessage(message)) return false;
  // Answer once the count is stored, so the content script learns whether it was.
  addToTally(message.verdict).then(
    () => sendResponse(true),
    (error: unknown) => {
      console.error(`Sociable: the weekly tally could not be saved: ${String(error)}`);
      sendResponse(false);
    },
  );
  return true;
});

api.permissions.onAdded.addListener(() => void syncOptionalSites());
api.permissions.onRemoved.addListener(() => void syncOptionalSites());
api.runtime.onStartup?.addListener(() => void syncOptionalSites());
api.runtime.onInstalled.addListener(() => void syncOptionalSites());
