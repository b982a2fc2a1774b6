// Checks one compose box: analyses its text as it changes and shows the findings over the
// page. It composes three parts: the scheduler (when to ask, which answers to keep), the
// view (underlines, indicator) and the suggestion editor (applying through the editor's
// input path), plus the card. It takes `analyze` as a parameter, so the playground can hand
// it the WASM directly instead of the background.
import type { AnalyzeFn, Finding, Options, Report } from '../core-types';
import { Card } from './card';
import { OverlayView, visibleBox } from './drawing';
import { SuggestionEditor } from './editing';
import { AnalysisScheduler } from './scheduler';
import { type Surface, TextareaSurface, EditableSurface, isTextarea } from './surface';
import { deepActiveElement } from './shadow-dom';
import { readText } from './text-map';

export interface CheckerConfig {
  analyze: AnalyzeFn;
  /** Read before every analysis, so a settings change applies at the next one. */
  options: () => Options;
  /** Elements the indicator must not cover, such as the site's send button. */
  avoid?: () => Element[];
  /** Called with each report that was drawn (the tally keeps the last verdict). */
  onReport?: (report: Report) => void;
  signal: AbortSignal;
}

/** Opens the card for the findings at the caret, from the keyboard (as Grammarly's and LanguageTool's shortcuts do). */
const CARD_SHORTCUT = (e: KeyboardEvent) => e.altKey && !e.ctrlKey && !e.metaKey && e.key === 'Enter';

/** A finding ignored for this draft: its rule and its words. */
const ignoreKey = (f: Finding, text: string) => `${f.rule}\u0000${text.slice(f.span_utf16.start, f.span_utf16.end)}`;

export class Checker {
  readonly host: HTMLElement;
  /** The compose box: read, measured, and edited the way typing would. */
  readonly surface: Surface;
  private readonly view: OverlayView;
  private readonly scheduler: AnalysisScheduler;
  private readonly editor: SuggestionEditor;
  private readonly card: Card;
  private readonly ignored = new Set<string>();
  private placeFrame = 0;
  private draft: Report | undefined;
  /**
   * The rules of a card that typing closed: when the next report comes and the caret is
   * still in a finding of one of them, the card opens again on it.
   */
  private follow: Set<string> | undefined;

  constructor(readonly element: HTMLElement, config: CheckerConfig) {
    const { signal } = config;
    this.view = new OverlayView(element, { avoid: config.avoid, onIndicator: () => this.toggleCard(), signal });
    this.host = this.view.host;
    this.surface = isTextarea(element) ? new TextareaSurface(element, this.view.shadow) : new EditableSurface(element);
    this.editor = new SuggestionEditor(this.surface);
    this.card = new Card(this.view.root, {
      apply: (finding, text) => void this.apply(finding, text),
      ignore: (finding) => {
        this.ignored.add(ignoreKey(finding, this.scheduler.reportText));
        this.draw();
      },
    }, signal);
    this.scheduler = new AnalysisScheduler({
      analyze: config.analyze,
      options: config.options,
      read: () => this.surface.read(),
      onAnswer: (report) => {
        if (report && this.scheduler.reportText.trim()) this.draft = report;
        this.draw();
        if (report) config.onReport?.(report);
      },
      signal,
    });

    const schedule = () => {
      this.edited();
      this.schedule();
    };
    for (const type of ['input', 'compositionend', 'cut', 'paste']) element.addEventListener(type, schedule, { signal });
    // Some editors change their DOM without an input event (undo, formatting, resets).
    const observer = new MutationObserver(schedule);
    if (!isTextarea(element)) observer.observe(element, { childList: true, characterData: true, subtree: true });
    const resize = new ResizeObserver(() => this.place());
    resize.observe(element);
    addEventListener('scroll', () => this.place(), { capture: true, passive: true, signal });
    addEventListener('resize', () => this.place(), { passive: true, signal });
    element.addEventListener('scroll', () => this.place(), { passive: true, signal });
    element.addEventListener('click', (e) => this.hit(e), { signal });
    // A press anywhere but on the card closes it (the click that opens one comes after).
    addEventListener('pointerdown', (e) => {
      if (this.card.isOpen && !e.composedPath().includes(this.host)) this.card.close(false);
    }, { capture: true, signal });
    element.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this.card.isOpen) this.card.close();
    }, { signal });
    // In the capture phase: editors (Lexical) take Enter for themselves.
    element.addEventListener('keydown', (e) => {
      if (CARD_SHORTCUT(e) && this.openAtCaret()) {
        e.preventDefault();
        e.stopImmediatePropagation();
      }
    }, { capture: true, signal });
    signal.addEventListener('abort', () => {
      observer.disconnect();
      resize.disconnect();
      cancelAnimationFrame(this.placeFrame);
      this.surface.dispose();
    }, { once: true });
    this.schedule();
  }

  /** Analyses the box again once the current event is done. */
  schedule(): void {
    this.scheduler.schedule();
  }

  /** Analyses the same text again, for new settings. */
  refresh(): void {
    this.scheduler.refresh();
  }

  get lastReport(): Report | undefined {
    return this.scheduler.report;
  }

  /** The last report on a draft with text: what a send counts, after the box emptied. */
  get lastDraft(): Report | undefined {
    return this.draft;
  }

  /** The box's text now, read afresh without touching the mapping the drawing uses. */
  text(): string {
    const el = this.element;
    return isTextarea(el) ? el.value : readText(el).text;
  }

  /**
   * Opens the card. Without `finding`: every finding, next to the indicator, with focus in
   * the card (Escape gives it back). With one of the last report's findings: that finding,
   * next to its words, focus left where it is (as a click on an underline does). Says
   * whether a card opened: not without a report, nor for a text that changed since.
   */
  openCard(finding?: Finding): boolean {
    const report = this.scheduler.report;
    if (!report) return false;
    if (!finding) {
      const active = deepActiveElement();
      this.openAll(report, active instanceof HTMLElement ? active : null);
      return true;
    }
    if (!report.findings.includes(finding) || this.surface.read() !== this.scheduler.reportText) return false;
    this.openOn([finding], null, false);
    return true;
  }

  /**
   * Applies a finding's suggestion through the editor's input path (its undo takes it
   * back), if the box still holds the words the finding was made for in `text` (by default
   * the last report's); then checks the draft again either way. Says whether it applied.
   */
  async apply(finding: Finding, text = this.scheduler.reportText): Promise<boolean> {
    const outcome = await this.editor.apply(finding, text);
    this.host.dataset.applied = outcome;
    this.refresh();
    return outcome === 'applied';
  }

  /** The warnings not ignored: about words (underlined) and about the whole draft (notes). */
  private visible(): Finding[] {
    const { report, reportText } = this.scheduler;
    if (!report) return [];
    return report.findings.filter((f) => f.severity !== 'good' && !this.ignored.has(ignoreKey(f, reportText)));
  }

  private draw(): void {
    const visible = this.visible();
    const words = visible.filter((f) => f.scope !== 'draft');
    const notes = visible.filter((f) => f.scope === 'draft');
    // Only what is in view is measured and drawn: a long draft has thousands of findings.
    const shown = this.surface.visibleRange(visibleBox(this.element));
    const inView = shown ? words.filter((f) => f.span_utf16.end >= shown.start && f.span_utf16.start <= shown.end) : words;
    const lines = this.surface.measure(inView.map((f) => f.span_utf16));
    this.view.draw(this.scheduler.report, inView, notes, lines, this.scheduler.reportText.length);
    this.host.dataset.inView = shown ? `${shown.start}-${shown.end}` : '';
    this.followCard(words);
  }

  /** The draft changed: a card made for the old text closes at once (see `followCard`). */
  private edited(): void {
    if (!this.card.isOpen || this.surface.read() === this.card.text) return;
    this.follow = new Set(this.card.findings.filter((f) => f.scope === 'span').map((f) => f.rule));
    this.card.close(false);
  }

  /**
   * After a new report: a card still open for an older text closes (the site changed the
   * draft without an input event); one that typing closed opens again if the caret is still
   * in a finding of the same rule.
   */
  private followCard(words: Finding[]): void {
    const { reportText } = this.scheduler;
    if (this.card.isOpen && this.card.text !== reportText) {
      this.follow = new Set(this.card.findings.filter((f) => f.scope === 'span').map((f) => f.rule));
      this.card.close(false);
    }
    const follow = this.follow;
    this.follow = undefined;
    if (!follow?.size || this.card.isOpen) return;
    const caret = this.surface.caret();
    if (caret === undefined) return;
    const same = words.filter((f) => follow.has(f.rule) && f.span_utf16.start <= caret && caret <= f.span_utf16.end);
    if (same.length > 0) this.openOn(same, null, false);
  }

  /** Opens the card on `findings` of the last report, next to the first one's words. */
  private openOn(findings: Finding[], returnFocus: HTMLElement | null, focus: boolean): void {
    const report = this.scheduler.report;
    if (!report) return;
    const anchor = this.surface.measure([findings[0].span_utf16])[0][0] ?? this.element.getBoundingClientRect();
    this.card.open(report, this.scheduler.reportText, findings, anchor, returnFocus, focus);
  }

  /** The findings (about words) that hold offset `at` of the last report's text. */
  private findingsAt(at: number): Finding[] {
    return this.visible().filter((f) => f.scope === 'span' && f.span_utf16.start <= at && at <= f.span_utf16.end);
  }

  /** The keyboard shortcut: the card for the findings at the caret, or every finding; focus moves into it. */
  private openAtCaret(): boolean {
    const report = this.scheduler.report;
    if (!report || this.surface.read() !== this.scheduler.reportText) return false;
    const caret = this.surface.caret();
    const here = caret === undefined ? [] : this.findingsAt(caret);
    if (here.length > 0) this.openOn(here, this.element, true);
    else this.openAll(report, this.element);
    return true;
  }

  /** Scroll, resize or reflow: the same report, new positions. */
  private place(): void {
    if (this.placeFrame) return;
    this.placeFrame = requestAnimationFrame(() => {
      this.placeFrame = 0;
      if (!this.scheduler.report) return;
      this.view.resetTheme();
      if (this.surface.read() !== this.scheduler.reportText) this.schedule();
      else this.draw();
    });
  }

  /**
   * A click on an underline opens the card for its findings, once the caret has settled, if
   * no text is selected and the caret is in those words. A click on the words above it only
   * moves the caret, as in any editor.
   */
  private hit(event: MouseEvent): void {
    const found = this.view.findingsAt(event.clientX, event.clientY);
    if (!found) return;
    const text = this.scheduler.reportText;
    setTimeout(() => requestAnimationFrame(() => {
      if (this.surface.read() !== text || this.scheduler.reportText !== text) return;
      const caret = this.surface.caret();
      if (caret === undefined) return;
      const here = found.findings.filter((f) => f.span_utf16.start <= caret && caret <= f.span_utf16.end);
      if (here.length > 0) this.openOn(here, null, false);
    }), 0);
  }

  /** Every finding, the good ones last, next to the indicator; focus moves into the card. */
  private openAll(report: Report, returnFocus: HTMLElement | null): void {
    const findings = [...this.visible(), ...report.findings.filter((f) => f.severity === 'good')];
    this.card.open(report, this.scheduler.reportText, findings, this.view.indicator.button.getBoundingClientRect(), returnFocus, true);
  }

  /** The indicator opens the card with every finding, or closes it. */
  private toggleCard(): void {
    const report = this.scheduler.report;
    if (this.card.isOpen) this.card.close();
    else if (report) this.openAll(report, this.view.indicator.button);
  }
}
