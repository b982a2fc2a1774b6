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

export type ToBackground = CsBgAnalyze | CsBgPosted;

export type AnalyzeAnswer =
  | { ok: true; id: number; report: Report }
  | { ok: false; id: number; error: string };

export function isToBackground(value: unknown): value is ToBackground {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  if (m.kind === 'cs-bg-analyze') {
    return typeof m.id === 'number' && typeof m.text === 'string' && typeof m.options === 'object';
  }
  if (m.kind === 'cs-bg-posted') {
    return m.verdict === 'conversation' || m.verdict === 'no-room' || m.verdict === 'pitch';
  }
  return false;
}

export async function analyzeInBackground(id: number, text: string, options: Options): Promise<AnalyzeAnswer> {
  const message: CsBgAnalyze = { kind: 'cs-bg-analyze', id, text, options };
  return (await api.runtime.sendMessage(message)) as AnalyzeAnswer;
}

export function reportPosted(verdict: Verdict): void {
  const message: CsBgPosted = { kind: 'cs-bg-posted', verdict };
  // The tally is best effort: a closed background must never break the page.
  api.runtime.sendMessage(message).catch(() => {});
}
