// When to analyse one compose box, and which answers to keep. Changes are coalesced: one
// request is in flight at a time, and keystrokes that arrive meanwhile cost one more
// request, not one each. An answer is kept only if it is for the latest request and the box
// still holds the text it was asked about; otherwise the latest text is asked for.
import type { AnalyzeAnswer, AnalyzeFn, Options, Report } from '../core-types';

let lastRequestId = 0;

/** One counter for the page: compose boxes share the background's port, so ids never repeat. */
export function nextRequestId(): number {
  lastRequestId += 1;
  return lastRequestId;
}

/** Answers lost on the way (the background stopped mid-request) are asked for again this often. */
const MAX_RETRIES = 3;

export interface SchedulerConfig {
  analyze: AnalyzeFn;
  /** Read before every request, so a settings change applies at the next one. */
  options: () => Options;
  /** The box's current text. */
  read: () => string;
  /** A kept answer: the report, or undefined once the box is empty. */
  onAnswer: (report: Report | undefined) => void;
  signal: AbortSignal;
}

export class AnalysisScheduler {
  private answered: Report | undefined;
  private answeredText = '';
  private latestRequestId = 0;
  private inFlight = false;
  private queued = false;
  /** Set when settings changed, so the same text needs a new answer. */
  private stale = false;
  private retries = 0;
  /** The last failure logged, so a core that refuses every draft says so once, not per keystroke. */
  private loggedError = '';

  constructor(private readonly config: SchedulerConfig) {}

  /** The last kept report, and the text it is for. */
  get report(): Report | undefined {
    return this.answered;
  }

  get reportText(): string {
    return this.answeredText;
  }

  /**
   * Re-analyses as soon as the current event is done (a microtask): the MutationObserver
   * fires once the editor rendered the keystroke.
   */
  schedule(): void {
    if (this.queued || this.config.signal.aborted) return;
    this.queued = true;
    queueMicrotask(() => {
      this.queued = false;
      void this.run();
    });
  }

  /** Re-analyses the same text, for new settings. */
  refresh(): void {
    this.stale = true;
    this.schedule();
  }

  private async run(): Promise<void> {
    // The answer on its way checks the text when it lands, and asks again if it changed.
    if (this.inFlight) return;
    const text = this.config.read();
    // An input event can come before the editor rendered it; the DOM change will follow.
    if (text === this.answeredText && this.answered && !this.stale) return;
    if (!text.trim() && !this.answered) return;
    this.stale = false;
    if (!text.trim()) {
      this.keep(undefined, text);
      return;
    }
    const requestId = nextRequestId();
    this.latestRequestId = requestId;
    this.inFlight = true;
    let answer: AnalyzeAnswer;
    try {
      answer = await this.config.analyze({ requestId, text, options: this.config.options() });
    } catch (error) {
      // An AnalyzeFn reports failures in its answer; a throw is a bug, and is reported as one.
      answer = { ok: false, requestId, error: String(error), retryable: false };
    } finally {
      this.inFlight = false;
    }
    if (this.config.signal.aborted) return;
    if (!answer.ok) {
      this.failed(answer.error, answer.retryable);
      return;
    }
    this.retries = 0;
    this.loggedError = '';
    // Typing or settings changed meanwhile: ask again for the latest. (A DOM change that
    // left the text as it was does not make the answer stale.)
    if (answer.requestId !== this.latestRequestId || this.stale || this.config.read() !== text) {
      void this.run();
      return;
    }
    this.keep(answer.report, text);
  }

  private keep(report: Report | undefined, text: string): void {
    this.answered = report;
    this.answeredText = text;
    this.config.onAnswer(report);
  }

  /** What is drawn stays; a lost answer is asked for again, a refusal waits for a change. */
  private failed(error: string, retryable: boolean): void {
    if (retryable && this.retries < MAX_RETRIES) {
      this.retries += 1;
      console.warn(`Sociable: no answer for this draft (${error}); asking again (${this.retries} of ${MAX_RETRIES})`);
      setTimeout(() => this.refresh(), 100 * this.retries);
      return;
    }
    this.retries = 0;
    if (error !== this.loggedError) console.error(`Sociable could not check this draft: ${error}`);
    this.loggedError = error;
  }
}
