// The types that cross the WASM boundary, mirroring src/analysis/options.rs and
// src/analysis/report.rs. Options go through serde with `deny_unknown_fields`, so this
// file must name exactly the Rust fields: nothing more. At the end, the request and answer
// that carry a draft and its report between the overlay and whoever runs the core.

export type Strictness = 'relaxed' | 'balanced' | 'strict';

export const STRICTNESSES: readonly Strictness[] = ['relaxed', 'balanced', 'strict'];

export type Context = { kind: 'new-post' } | { kind: 'reply'; parent?: string };

/**
 * Every finding category, as Rust spells it in the report: one a line, in this exact
 * shape, because a Rust test reads this list and checks it against the rules' categories.
 */
export type Category =
  | 'call-to-action'
  | 'offer'
  | 'urgency'
  | 'hype'
  | 'self-promotion'
  | 'spam-form'
  | 'engagement-bait'
  | 'hook-question'
  | 'broadcast'
  | 'question'
  | 'invitation'
  | 'acknowledgement'
  | 'reader-focus';

/** Every category, pitch side first, as `Category::ALL` lists them. */
export const CATEGORIES: readonly Category[] = [
  'call-to-action', 'offer', 'urgency', 'hype', 'self-promotion', 'spam-form', 'engagement-bait', 'hook-question',
  'broadcast', 'question', 'invitation', 'acknowledgement', 'reader-focus',
];

/** Limits the core sets on the user's phrases (src/analysis/options.rs). */
export const MAX_PHRASES = 200;
export const MAX_PHRASE_LENGTH = 200;

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

/** `replace` the span with `text`, or `insert` `text` at `at_utf16` (the end of the draft). */
export type Suggestion =
  | { kind: 'replace'; text: string }
  | { kind: 'insert'; text: string; at: number; at_utf16: number };

/** `span`: about its words (underlined); `draft`: about the whole draft (a note, never underlined). */
export type Scope = 'span' | 'draft';

export interface Finding {
  rule: string;
  category: Category;
  axis: Axis;
  severity: Severity;
  message: string;
  suggestion?: Suggestion;
  scope: Scope;
  /** UTF-8 bytes: for Rust only (absent in the extension, whose background sends the compact form). */
  span?: Span;
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

/** One draft to analyse. `requestId` grows with every request a page makes (see `nextRequestId`). */
export interface AnalyzeRequest {
  requestId: number;
  text: string;
  options: Options;
}

/**
 * The answer to the request with the same `requestId`. A failure says whether asking again
 * may help: yes when the answer was lost on the way (the background stopped mid-request),
 * no when the core refused the request (options it cannot use) or could not start.
 */
export type AnalyzeAnswer =
  | { ok: true; requestId: number; report: Report }
  | { ok: false; requestId: number; error: string; retryable: boolean };

/** What the overlay needs from whoever runs the core: the background, or the WASM itself. */
export type AnalyzeFn = (request: AnalyzeRequest) => Promise<AnalyzeAnswer>;
