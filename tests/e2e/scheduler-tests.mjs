// The overlay's scheduler (extension/src/content/scheduler.ts) in Node, with a fake core:
// which requests it makes, which answers it keeps, and what it logs when answers fail.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { assert, until } from './harness.mjs';

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const REPORT = { version: 1, strictness: 'balanced', scores: { pitch: 0, conversation: 50 }, verdict: 'conversation', findings: [] };

async function loadScheduler() {
  const bundle = await esbuild.build({
    entryPoints: [join(root, 'extension', 'src', 'content', 'scheduler.ts')], bundle: true, format: 'esm', write: false,
  });
  return import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`);
}

/** A compose box holding `text`, checked by a scheduler whose core answers with `answer(request)`. */
function box(AnalysisScheduler, answer) {
  const state = { text: 'Hello there', requests: [], kept: [] };
  state.scheduler = new AnalysisScheduler({
    analyze: async (request) => {
      state.requests.push(request);
      return answer(request);
    },
    options: () => ({ strictness: 'balanced' }),
    read: () => state.text,
    onAnswer: (report) => state.kept.push({ report, text: state.text }),
    signal: new AbortController().signal,
  });
  return state;
}

/** Runs `fn` with console.warn and console.error recorded instead of printed. */
async function withConsole(fn) {
  const logged = { warn: [], error: [] };
  const saved = { warn: console.warn, error: console.error };
  console.warn = (message) => logged.warn.push(String(message));
  console.error = (message) => logged.error.push(String(message));
  try {
    await fn(logged);
  } finally {
    Object.assign(console, saved);
  }
}

const settle = (ms = 20) => new Promise((resolve) => setTimeout(resolve, ms));

export async function schedulerTests(suite) {
  const { AnalysisScheduler, nextRequestId } = await loadScheduler();

  await suite.test('scheduler: a refused draft is logged as an error once, and not asked for again', async () => {
    await withConsole(async (logged) => {
      const b = box(AnalysisScheduler, ({ requestId }) => ({ ok: false, requestId, error: 'unknown variant `loud`', retryable: false }));
      b.scheduler.schedule();
      await settle(400);
      assert(b.requests.length === 1, `${b.requests.length} requests for one refused draft`);
      assert(logged.error.length === 1 && logged.error[0].includes('unknown variant `loud`'), `errors: ${JSON.stringify(logged.error)}`);
      b.text = 'Hello there, friends';
      b.scheduler.schedule();
      await settle();
      assert(b.requests.length === 2, 'a new text was not asked for');
      assert(logged.error.length === 1, `the same refusal was logged again: ${JSON.stringify(logged.error)}`);
      assert(b.kept.length === 0 && logged.warn.length === 0, 'a refusal was kept or retried');
    });
  });

  await suite.test('scheduler: a lost answer is asked for again with a warning, three times at most', async () => {
    await withConsole(async (logged) => {
      let lost = 0;
      const b = box(AnalysisScheduler, ({ requestId }) => (lost++ < 2
        ? { ok: false, requestId, error: 'the background stopped before answering', retryable: true }
        : { ok: true, requestId, report: REPORT }));
      b.scheduler.schedule();
      await until(() => b.kept.length, (n) => n === 1, 'the answer after two lost ones', 3000);
      assert(b.requests.length === 3 && logged.warn.length === 2 && logged.error.length === 0,
        `${b.requests.length} requests, warnings ${JSON.stringify(logged.warn)}, errors ${JSON.stringify(logged.error)}`);

      const never = box(AnalysisScheduler, ({ requestId }) => ({ ok: false, requestId, error: 'gone', retryable: true }));
      never.scheduler.schedule();
      await until(() => logged.error.length, (n) => n === 1, 'the error after the last retry', 3000);
      await settle(500);
      assert(never.requests.length === 4, `${never.requests.length} requests: one and three retries expected`);
    });
  });

  await suite.test('scheduler: typing while an answer is on its way costs one more request, and only the latest text is kept', async () => {
    let release;
    const b = box(AnalysisScheduler, (request) => new Promise((resolve) => {
      release = () => resolve({ ok: true, requestId: request.requestId, report: { ...REPORT, length: request.text.length } });
    }));
    b.scheduler.schedule();
    await settle();
    for (const more of [' a', ' b', ' c']) {
      b.text += more;
      b.scheduler.schedule();
      await settle(1);
    }
    assert(b.requests.length === 1, `${b.requests.length} requests while one was in flight`);
    release();
    await until(() => b.requests.length, (n) => n === 2, 'the request for the latest text');
    assert(b.requests[1].text === 'Hello there a b c', `asked for ${JSON.stringify(b.requests[1].text)}`);
    assert(b.kept.length === 0, 'the stale answer was kept');
    release();
    await until(() => b.kept.length, (n) => n === 1, 'the latest answer kept');
    assert(b.kept[0].report.length === b.text.length && b.scheduler.reportText === b.text, 'the kept answer is not for the latest text');
  });

  await suite.test('scheduler: request ids come from one counter for the page, across boxes', async () => {
    const ids = [];
    const boxes = [1, 2].map(() => box(AnalysisScheduler, ({ requestId }) => {
      ids.push(requestId);
      return { ok: true, requestId, report: REPORT };
    }));
    for (const b of boxes) b.scheduler.schedule();
    await settle();
    const next = nextRequestId();
    assert(ids.length === 2 && ids[0] !== ids[1] && next > Math.max(...ids), `ids ${ids}, then ${next}`);
  });
}
