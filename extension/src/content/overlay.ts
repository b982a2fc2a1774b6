// Checks one compose box: analyses its text as it changes and draws the findings in a
// shadow root laid over the page, never inside the editor's DOM. It takes `analyze` as a
// parameter, so the playground can hand it the WASM directly instead of the background.
import type { AnalyzeFn, Finding, Options, Report } from '../core-types';
import { Card } from './card';
import { Indicator } from './indicator';
import { VERDICT_LABEL } from './labels';
import { CSS, adoptStyles } from './styles';
import { type Surface, TextareaSurface, EditableSurface, isTextarea } from './surface';
import { detectTheme } from './theme';

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

interface Drawn {
  finding: Finding;
  rects: DOMRect[];
}

const key = (f: Finding, text: string) => `${f.rule}\u0000${text.slice(f.span_utf16.start, f.span_utf16.end)}`;

export class Checker {
  readonly host: HTMLElement;
  private readonly shadow: ShadowRoot;
  private readonly theme: HTMLDivElement;
  private readonly layer: HTMLDivElement;
  private readonly live: HTMLDivElement;
  private readonly surface: Surface;
  private readonly indicator: Indicator;
  private readonly card: Card;
  private report: Report | undefined;
  private reportText = '';
  private drawn: Drawn[] = [];
  private readonly ignored = new Set<string>();
  private seq = 0;
  private inFlight = false;
  private queued = false;
  /** Set when settings changed, so the same text needs a new answer. */
  private stale = false;
  private placeFrame = 0;
  private failures = 0;
  private revision = 0;

  constructor(readonly element: HTMLElement, private readonly config: CheckerConfig) {
    const { signal } = config;
    this.host = document.createElement('div');
    this.host.dataset.sociableOverlay = '';
    this.host.style.cssText = 'position:fixed;top:0;left:0;width:0;height:0;z-index:2147483646;';
    this.shadow = this.host.attachShadow({ mode: 'open' });
    adoptStyles(this.shadow, CSS);
    this.theme = document.createElement('div');
    this.theme.className = 'theme';
    this.layer = document.createElement('div');
    this.layer.className = 'layer';
    this.live = document.createElement('div');
    this.live.className = 'sr';
    this.live.setAttribute('aria-live', 'polite');
    this.live.setAttribute('role', 'status');
    this.theme.append(this.layer, this.live);
    this.shadow.append(this.theme);
    this.surface = isTextarea(element) ? new TextareaSurface(element, this.shadow) : new EditableSurface(element);
    this.indicator = new Indicator(this.theme, () => this.openAll(), signal);
    this.card = new Card(this.theme, {
      apply: (finding) => void this.apply(finding),
      ignore: (finding) => {
        this.ignored.add(key(finding, this.reportText));
        this.draw();
      },
    }, signal);
    document.documentElement.append(this.host);

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
      this.host.remove();
    }, { once: true });
    this.schedule();
  }

  /**
   * Re-analyses as soon as the current event is done (a microtask): the MutationObserver
   * fires once the editor rendered the keystroke. Keystrokes that arrive while an answer is
   * on its way cost one more analysis, not one each.
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
    const text = this.surface.read();
    // An input event can come before the editor rendered it; the DOM change will follow.
    if (text === this.reportText && this.report && !this.stale) return;
    if (!text.trim() && !this.report) return;
    this.stale = false;
    const id = ++this.seq;
    this.inFlight = true;
    let report: Report | undefined;
    try {
      report = text.trim() ? await this.config.analyze(text, this.config.options()) : undefined;
      this.failures = 0;
    } catch {
      // The background was stopped mid-request, say: keep what is drawn and ask again soon.
      this.inFlight = false;
      if (++this.failures <= 3 && !this.config.signal.aborted) setTimeout(() => this.refresh(), 100 * this.failures);
      return;
    } finally {
      this.inFlight = false;
    }
    if (this.config.signal.aborted) return;
    // Typing went on meanwhile: this answer is stale, ask again for the latest text. (A
    // DOM change that left the text as it was does not make it stale.)
    if (id !== this.seq || this.stale || this.surface.read() !== text) {
      void this.run();
      return;
    }
    const verdictChanged = report?.verdict !== this.report?.verdict;
    this.report = report;
    this.reportText = text;
    this.draw();
    if (report && verdictChanged) this.live.textContent = `Sociable: ${VERDICT_LABEL[report.verdict]}`;
    if (report) this.config.onReport?.(report);
  }

  get lastReport(): Report | undefined {
    return this.report;
  }

  private visible(): Finding[] {
    if (!this.report) return [];
    return this.report.findings.filter((f) => f.severity !== 'good' && !this.ignored.has(key(f, this.reportText)));
  }

  /** Draws underlines and the indicator for the current report. */
  private draw(): void {
    const findings = this.visible();
    const spans = findings.map((f) => f.span_utf16);
    const rects = this.surface.measure(spans);
    this.drawn = findings.map((finding, i) => ({ finding, rects: rects[i] }));
    const box = this.element.getBoundingClientRect();
    // Line elements are reused from draw to draw: a keystroke moves a few, creates none.
    const pool = this.layer.children;
    let used = 0;
    for (const { finding, rects: boxes } of this.drawn) {
      for (const r of boxes) {
        // Words scrolled out of the box stay hidden, as the text itself does.
        if (r.bottom < box.top || r.top > box.bottom || r.right < box.left || r.left > box.right) continue;
        let line = pool[used] as HTMLElement | undefined;
        if (!line) {
          line = document.createElement('div');
          line.className = 'line';
          this.layer.append(line);
        }
        used += 1;
        line.dataset.rule = finding.rule;
        line.dataset.axis = finding.axis;
        line.dataset.start = String(finding.span_utf16.start);
        line.dataset.end = String(finding.span_utf16.end);
        line.style.left = `${r.left}px`;
        line.style.top = `${r.bottom - 2}px`;
        line.style.width = `${r.width}px`;
      }
    }
    while (pool.length > used) pool[pool.length - 1].remove();
    // The page's colours rarely change: look again only on scroll, resize or a new report.
    this.theme.dataset.theme ??= detectTheme(this.element);
    // A box that is hidden (a closed tab of a dialog, say) shows no indicator.
    this.indicator.show(box.width > 0 && box.height > 0 ? this.report : undefined);
    if (this.report) this.indicator.place(box, (this.config.avoid?.() ?? []).map((el) => el.getBoundingClientRect()));
    // Plain facts for tests and benchmarks to read; never the text itself.
    this.host.dataset.verdict = this.report?.verdict ?? '';
    this.host.dataset.pitch = String(this.report?.scores.pitch ?? '');
    this.host.dataset.conversation = String(this.report?.scores.conversation ?? '');
    this.host.dataset.length = String(this.reportText.length);
    this.host.dataset.rev = String(++this.revision);
  }

  /** Scroll, resize or reflow: the same report, new positions. */
  private place(): void {
    if (this.placeFrame) return;
    this.placeFrame = requestAnimationFrame(() => {
      this.placeFrame = 0;
      if (!this.report) return;
      delete this.theme.dataset.theme;
      if (this.surface.read() !== this.reportText) this.schedule();
      else this.draw();
    });
  }

  private hit(event: MouseEvent): void {
    const { clientX: x, clientY: y } = event;
    const found = this.drawn.filter(({ rects }) =>
      rects.some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom + 3));
    if (found.length === 0 || !this.report) return;
    const anchor = found[0].rects.find((r) => y <= r.bottom + 3 && y >= r.top) ?? found[0].rects[0];
    this.card.open(this.report, found.map((d) => d.finding), anchor, null, false);
  }

  private openAll(): void {
    if (!this.report) return;
    if (this.card.isOpen) {
      this.card.close();
      return;
    }
    const findings = [
      ...this.visible(),
      ...this.report.findings.filter((f) => f.severity === 'good'),
    ];
    this.card.open(this.report, findings, this.indicator.button.getBoundingClientRect(), this.indicator.button, true);
  }

  private async apply(finding: Finding): Promise<void> {
    const suggestion = finding.suggestion;
    // Only when the text is still the one the finding was made for.
    if (!suggestion || this.surface.read() !== this.reportText) return;
    const { start, end } = finding.span_utf16;
    if (suggestion.kind === 'replace') await this.surface.edit(start, end, suggestion.text);
    else await this.surface.edit(end, end, suggestion.text);
    this.schedule();
  }
}
