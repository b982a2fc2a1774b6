// Checks one compose box: analyses its text as it changes and shows the findings over the
// page. It composes three parts: the scheduler (when to ask, which answers to keep), the
// view (underlines, indicator) and the suggestion editor (applying through the editor's
// input path), plus the card. It takes `analyze` as a parameter, so the playground can hand
// it the WASM directly instead of the background.
import type { AnalyzeFn, Finding, Options, Report } from '../core-types';
import { Card } from './card';
import { OverlayView } from './drawing';
import { SuggestionEditor } from './editing';
import { AnalysisScheduler } from './scheduler';
import { type Surface, TextareaSurface, EditableSurface, isTextarea } from './surface';
import { deepActiveElement } from './shadow-dom';

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

  constructor(readonly element: HTMLElement, config: CheckerConfig) {
    const { signal } = config;
    this.view = new OverlayView(element, { avoid: config.avoid, onIndicator: () => this.toggleCard(), signal });
    this.host = this.view.host;
    this.surface = isTextarea(element) ? new TextareaSurface(element, this.view.shadow) : new EditableSurface(element);
    this.editor = new SuggestionEditor(this.surface);
    this.card = new Card(this.view.root, {
      apply: (finding) => void this.apply(finding),
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
        this.draw();
        if (report) config.onReport?.(report);
      },
      signal,
    });

    const schedule = () => this.schedule();
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
    const anchor = this.surface.measure([finding.span_utf16])[0][0] ?? this.element.getBoundingClientRect();
    this.card.open(report, [finding], anchor, null, false);
    return true;
  }

  /**
   * Applies a finding's suggestion through the editor's input path (its undo takes it
   * back), if the box still holds the text it was found in. Says whether it applied.
   */
  async apply(finding: Finding): Promise<boolean> {
    const applied = await this.editor.apply(finding, this.scheduler.reportText);
    if (applied) this.schedule();
    return applied;
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
    const lines = this.surface.measure(words.map((f) => f.span_utf16));
    this.view.draw(this.scheduler.report, words, notes, lines, this.scheduler.reportText.length);
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

  /** A click on underlined words opens the card for them. */
  private hit(event: MouseEvent): void {
    const report = this.scheduler.report;
    const found = this.view.findingsAt(event.clientX, event.clientY);
    if (!found || !report) return;
    this.card.open(report, found.findings, found.anchor, null, false);
  }

  /** Every finding, the good ones last, next to the indicator; focus moves into the card. */
  private openAll(report: Report, returnFocus: HTMLElement | null): void {
    const findings = [...this.visible(), ...report.findings.filter((f) => f.severity === 'good')];
    this.card.open(report, findings, this.view.indicator.button.getBoundingClientRect(), returnFocus, true);
  }

  /** The indicator opens the card with every finding, or closes it. */
  private toggleCard(): void {
    const report = this.scheduler.report;
    if (this.card.isOpen) this.card.close();
    else if (report) this.openAll(report, this.view.indicator.button);
  }
}
