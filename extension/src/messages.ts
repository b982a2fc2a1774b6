// The typed protocol between content scripts and the background. Names say which way a
// message travels: cs-bg = content script to background.
import type { AnalyzeAnswer, AnalyzeRequest, Finding, Report, Severity, Suggestion, Verdict } from './core-types';
import { api } from './browser-api';

/** A draft to analyse, sent over the `ANALYZE_PORT` port; answered with an `AnalyzeAnswer`. */
export interface CsBgAnalyze extends AnalyzeRequest {
  kind: 'cs-bg-analyze';
}

/** A draft was sent: count its verdict (never its text). Sent with runtime.sendMessage. */
export interface CsBgPosted {
  kind: 'cs-bg-posted';
  verdict: Verdict;
}

/**
 * The background's answer on the port: an `AnalyzeAnswer` whose report travels as one JSON
 * string in the core's compact form (src/wasm.rs: a table of rules and six numbers a finding).
 * Extension messaging copies object graphs field by field; a long draft's thousands of
 * findings cost tens of milliseconds that way, and a few as one string.
 */
export type BgCsAnswer =
  | { ok: true; requestId: number; reportJson: string }
  | { ok: false; requestId: number; error: string; retryable: boolean };

/** A report from the core's compact JSON (src/wasm.rs, `analyze_compact`): six numbers a finding. */
export function fromCompact(json: string): Report {
  const { rules, suggestions, severities, findings: numbers, ...rest } = JSON.parse(json) as Omit<Report, 'findings'> & {
    rules: Pick<Finding, 'rule' | 'category' | 'axis' | 'message'>[];
    suggestions: Suggestion[];
    severities: Severity[];
    findings: number[];
  };
  const findings: Finding[] = [];
  for (let i = 0; i + 5 < numbers.length; i += 6) {
    const { rule, category, axis, message } = rules[numbers[i]];
    const finding: Finding = {
      rule, category, axis, severity: severities[numbers[i + 1]], message,
      scope: numbers[i + 2] === 1 ? 'draft' : 'span',
      span_utf16: { start: numbers[i + 3], end: numbers[i + 4] },
    };
    if (numbers[i + 5] >= 0) finding.suggestion = suggestions[numbers[i + 5]];
    findings.push(finding);
  }
  return { ...rest, findings };
}

export function isAnalyzeMessage(value: unknown): value is CsBgAnalyze {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  return m.kind === 'cs-bg-analyze' && typeof m.requestId === 'number' && typeof m.text === 'string'
    && typeof m.options === 'object' && m.options !== null;
}

export function isPostedMessage(value: unknown): value is CsBgPosted {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  return m.kind === 'cs-bg-posted' && (m.verdict === 'conversation' || m.verdict === 'no-room' || m.verdict === 'pitch');
}

/** The port content scripts analyse through: a long-lived port answers faster than sendMessage. */
export const ANALYZE_PORT = 'cs-bg-analyze';

/**
 * Sends drafts to the background over one port, reconnecting when the service worker was
 * stopped (its ports close with it). Answers are matched to requests by `requestId`, which
 * is unique in the page (every compose box shares this port).
 */
export class BackgroundAnalyzer {
  private port: chrome.runtime.Port | undefined;
  private readonly waiting = new Map<number, (answer: AnalyzeAnswer) => void>();

  analyze(request: AnalyzeRequest): Promise<AnalyzeAnswer> {
    const message: CsBgAnalyze = { kind: 'cs-bg-analyze', ...request };
    const { requestId } = request;
    return new Promise((resolve) => {
      this.waiting.set(requestId, resolve);
      try {
        this.connect().postMessage(message);
      } catch (error) {
        // The port died between connect and post: one retry on a fresh port.
        this.port = undefined;
        try {
          this.connect().postMessage(message);
        } catch {
          this.waiting.delete(requestId);
          resolve({ ok: false, requestId, error: `cannot reach the background: ${String(error)}`, retryable: true });
        }
      }
    });
  }

  private connect(): chrome.runtime.Port {
    if (this.port) return this.port;
    const port = api.runtime.connect({ name: ANALYZE_PORT });
    port.onMessage.addListener((wire: BgCsAnswer) => {
      const resolve = this.waiting.get(wire.requestId);
      this.waiting.delete(wire.requestId);
      if (!resolve) return;
      if (!wire.ok) {
        resolve(wire);
        return;
      }
      try {
        resolve({ ok: true, requestId: wire.requestId, report: fromCompact(wire.reportJson) });
      } catch (error) {
        resolve({ ok: false, requestId: wire.requestId, error: `an unreadable report: ${String(error)}`, retryable: false });
      }
    });
    port.onDisconnect.addListener(() => {
      if (this.port === port) this.port = undefined;
      for (const [requestId, resolve] of this.waiting) {
        resolve({ ok: false, requestId, error: 'the background stopped before answering', retryable: true });
      }
      this.waiting.clear();
    });
    this.port = port;
    return port;
  }
}

export function reportPosted(verdict: Verdict): void {
  const message: CsBgPosted = { kind: 'cs-bg-posted', verdict };
  // The tally is best effort: a closed background must never break the page, but say so.
  api.runtime.sendMessage(message).catch((error: unknown) => {
    console.warn(`Sociable: the sent draft was not counted in the weekly tally: ${String(error)}`);
  });
}
