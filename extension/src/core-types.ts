// The types that cross the WASM boundary, mirroring src/analysis/options.rs and
// src/analysis/report.rs. Options go through serde with `deny_unknown_fields`, so this
// file must name exactly the Rust fields: nothing more.

export type Strictness = 'relaxed' | 'balanced' | 'strict';

export const STRICTNESSES: readonly Strictness[] = ['relaxed', 'balanced', 'strict'];

export type Context = { kind: 'new-post' } | { kind: 'reply'; parent?: string };

export type Category =
  | 'call-to-action' | 'offer' | 'urgency' | 'hype' | 'self-promotion' | 'spam-form'
  | 'engagement-bait' | 'hook-question' | 'broadcast' | 'question' | 'invitation'
  | 'acknowledgement' | 'reader-focus';

/** Every field is optional: Rust fills in its defaults. */
export interface Options {
  strictness?: Strictness;
  context?: Context;
  disabled_categories?: Category[];
  flag_phrases?: string[];
  allow_phrases?: string[];
}

export type Verdict = 'conversation' | 'no-room' | 'pitch';
export type Axis = 'pitch' | 'conversation';
export type Severity = 'good' | 'hint' | 'warning' | 'alert';

/** Half-open range of offsets. */
export interface Span {
  start: number;
  end: number;
}

export interface Suggestion {
  /** `replace` the span with `text`, or `insert` `text` at the span's end. */
  kind: 'replace' | 'insert';
  text: string;
}

export interface Finding {
  rule: string;
  category: Category;
  axis: Axis;
  severity: Severity;
  message: string;
  suggestion?: Suggestion;
  /** UTF-8 bytes: for Rust only. */
  span: Span;
  /** UTF-16 code units: JavaScript string indices. Use this one. */
  span_utf16: Span;
}

export interface Report {
  version: number;
  strictness: Strictness;
  scores: { pitch: number; conversation: number };
  verdict: Verdict;
  findings: Finding[];
}

/** What the overlay needs from whoever runs the core: the background, or the WASM itself. */
export type AnalyzeFn = (text: string, options: Options) => Promise<Report>;
