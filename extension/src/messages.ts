// The typed protocol between content scripts, the popup and the background.
// Names say which way a message travels: cs-bg = content script to background.
import type { Options, Report, Verdict } from './core-types';
import { api } from './browser-api';

export interface CsBgAnalyze {
  kind: 'cs-bg-analyze';
  /** Increases per compose box; the content script drops answers to older ids. */
  id: number;
  text: string;
  options: Options;
}

/** A draft was sent: count its verdict (never its text). */
export interface CsBgPosted {
  kind: 'cs-bg-posted';
  verdict: Verdict;
}

/** How long the core took to start in this background (for the benchmark and diagnostics). */
export interface UiBgStartup {
  kind: 'ui-bg-startup';
}

export interface StartupAnswer {
  /** Fetch, compile and instantiate the WASM module. */
  instantiateMs: number;
  /** Compile the rule table (`warmUp`). */
  warmUpMs: number;
  error: string;
}

export type ToBackground = CsBgAnalyze | CsBgPosted | UiBgStartup;

export type AnalyzeAnswer =
  | { ok: true; id: number; report: Report }
  | { ok: false; id: number; error: string };

export function isToBackground(value: unknown): value is ToBackground {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  if (m.kind === 'cs-bg-analyze') {
    return typeof m.id === 'number' && typeof m.text === 'string' && typeof m.options === 'object';
  }
  if (m.kind === 'ui-bg-startup') return true;
  if (m.kind === 'cs-bg-posted') {
    return m.verdict === 'conversation' || m.verdict === 'no-room' || m.verdict === 'pitch';
  }
  return false;
}

/** The port content scripts analyse through: a long-lived port answers faster than sendMessage. */
export const ANALYZE_PORT = 'cs-bg-analyze';

/**
 * Sends drafts to the background over one port, reconnecting when the service worker was
 * stopped (its ports close with it). Answers are matched to requests by id.
 */
export class BackgroundAnalyzer {
  private port: chrome.runtime.Port | undefined;
  private readonly waiting = new Map<number, (answer: AnalyzeAnswer) => void>();

  analyze(id: number, text: string, options: Options): Promise<AnalyzeAnswer> {
    const message: CsBgAnalyze = { kind: 'cs-bg-analyze', id, text, options };
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      try {
        this.connect().postMessage(message);
      } catch (error) {
        // The port died between connect and post: one retry on a fresh port.
        this.port = undefined;
        try {
          this.connect().postMessage(message);
        } catch {
          this.waiting.delete(id);
          resolve({ ok: false, id, error: String(error) });
        }
      }
    });
  }

  private connect(): chrome.runtime.Port {
    if (this.port) return this.port;
    const port = api.runtime.connect({ name: ANALYZE_PORT });
    port.onMessage.addListener((answer: AnalyzeAnswer) => {
      const resolve = this.waiting.get(answer.id);
      this.waiting.delete(answer.id);
      resolve?.(answer);
    });
    port.onDisconnect.addListener(() => {
      if (this.port === port) this.port = undefined;
      for (const [id, resolve] of this.waiting) resolve({ ok: false, id, error: 'the background went away' });
      this.waiting.clear();
    });
    this.port = port;
    return port;
  }
}

export function reportPosted(verdict: Verdict): void {
  const message: CsBgPosted = { kind: 'cs-bg-posted', verdict };
  // The tally is best effort: a closed background must never break the page.
  api.runtime.sendMessage(message).catch(() => {});
}
