// Draws one compose box's findings in a shadow root laid over the page, never inside the
// editor's DOM: underlines under the flagged words, the indicator at the box's corner, and
// a live region that tells screen readers the verdict.
import type { Finding, Report, Verdict } from '../core-types';
import { Indicator } from './indicator';
import { t } from '../i18n';
import { VERDICT_LABEL } from './labels';
import { CSS, adoptStyles } from './styles';
import { detectTheme } from './theme';
import { closestAcross, parentAcross } from './shadow-dom';

export interface OverlayViewConfig {
  /** Elements the indicator must not cover, such as the site's send button. */
  avoid?: () => Element[];
  /** The indicator was pressed. */
  onIndicator: () => void;
  signal: AbortSignal;
}

/**
 * Modals that get the overlay of a box inside them: a modal <dialog> sits in the top layer,
 * above anything outside it, and a modal's focus trap takes focus back from anything outside.
 */
const MODAL = 'dialog:modal, [aria-modal="true"]';

/** How far above a line box's bottom a click still counts as on its underline, in pixels. */
const UNDERLINE_REACH = 5;

/** A box in viewport coordinates. */
interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Half the underline's thickness: it is drawn from a line box's bottom - 2 to bottom + 2. */
const HALF_WAVE = 2;

const SEVERITY_RANK = { alert: 3, warning: 2, hint: 1, good: 0 } as const;

/**
 * Which underline wins where spans overlap: pitch above conversation hints, then the louder,
 * then the shorter (the more specific words).
 */
function drawOrder(a: Finding, b: Finding): number {
  return (Number(b.axis === 'pitch') - Number(a.axis === 'pitch'))
    || (SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity])
    || ((a.span_utf16.end - a.span_utf16.start) - (b.span_utf16.end - b.span_utf16.start));
}

/**
 * The part of the page where the editor's text shows: its padding box (inside borders and
 * scrollbars), cut by every ancestor that clips its overflow, and by the viewport.
 */
export function visibleBox(element: Element): Box {
  const r = element.getBoundingClientRect();
  const inner = (el: Element, rect: DOMRect): Box => el.clientWidth > 0 || el.clientHeight > 0
    ? { left: rect.left + el.clientLeft, top: rect.top + el.clientTop, right: rect.left + el.clientLeft + el.clientWidth, bottom: rect.top + el.clientTop + el.clientHeight }
    : { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
  const box = inner(element, r);
  const cut = (b: Box) => {
    box.left = Math.max(box.left, b.left);
    box.top = Math.max(box.top, b.top);
    box.right = Math.min(box.right, b.right);
    box.bottom = Math.min(box.bottom, b.bottom);
  };
  for (let at = parentAcross(element); at && at !== document.documentElement && at !== document.body; at = parentAcross(at)) {
    const style = getComputedStyle(at);
    if (style.overflowX !== 'visible' || style.overflowY !== 'visible') cut(inner(at, at.getBoundingClientRect()));
    if (style.position === 'fixed') break;
  }
  cut({ left: 0, top: 0, right: innerWidth, bottom: innerHeight });
  return box;
}

/**
 * The pieces of `r` (one line box's underline, already clipped) that no earlier underline on
 * the same line covers.
 */
function uncovered(r: Box, taken: Box[]): Box[] {
  let pieces: Box[] = [r];
  for (const t of taken) {
    // The same line: their underlines would overlap.
    if (Math.abs(t.bottom - r.bottom) >= 2 * HALF_WAVE) continue;
    pieces = pieces.flatMap((p) => {
      if (t.right <= p.left || t.left >= p.right) return [p];
      const out: Box[] = [];
      if (t.left > p.left) out.push({ ...p, right: t.left });
      if (t.right < p.right) out.push({ ...p, left: t.right });
      return out;
    });
  }
  return pieces.filter((p) => p.right - p.left >= 1);
}

interface Drawn {
  finding: Finding;
  /** Its line boxes, in viewport coordinates. */
  rects: DOMRect[];
}

export class OverlayView {
  readonly host: HTMLElement;
  readonly shadow: ShadowRoot;
  /** The themed container; the card lives in it too. */
  readonly root: HTMLDivElement;
  readonly indicator: Indicator;
  private readonly layer: HTMLDivElement;
  private readonly live: HTMLDivElement;
  private drawn: Drawn[] = [];
  private announced: Verdict | undefined;
  private revision = 0;
  /** How far the host is moved to sit at the viewport's origin (see `mount`). */
  private shift = { x: 0, y: 0 };

  constructor(private readonly element: HTMLElement, private readonly config: OverlayViewConfig) {
    this.host = document.createElement('div');
    this.host.dataset.sociableOverlay = '';
    // `translate` makes the host the containing block of the overlay's fixed-position parts,
    // so that placing the host at the viewport's origin places them all (see `mount`).
    this.host.style.cssText = 'position:fixed;top:0;left:0;width:0;height:0;z-index:2147483646;translate:0 0;';
    this.shadow = this.host.attachShadow({ mode: 'open' });
    adoptStyles(this.shadow, CSS);
    this.root = document.createElement('div');
    this.root.className = 'theme';
    this.layer = document.createElement('div');
    this.layer.className = 'layer';
    this.live = document.createElement('div');
    this.live.className = 'sr';
    this.live.setAttribute('aria-live', 'polite');
    this.live.setAttribute('role', 'status');
    this.root.append(this.layer, this.live);
    this.shadow.append(this.root);
    this.indicator = new Indicator(this.root, config.onIndicator, config.signal);
    this.mount();
    config.signal.addEventListener('abort', () => this.host.remove(), { once: true });
  }

  /**
   * Puts the overlay inside the open modal around the box, else at the end of the page; again
   * when the modal opens or closes, or the page removed the overlay. Inside a transformed
   * modal (centred by `translate(-50%, …)`, say) the host starts at the modal's corner: it
   * moves by as much the other way.
   */
  private mount(): void {
    const parent = closestAcross(this.element, MODAL) ?? document.documentElement;
    if (this.host.parentNode !== parent) parent.append(this.host);
    const { left, top } = this.host.getBoundingClientRect();
    if (left === 0 && top === 0) return;
    this.shift = { x: this.shift.x - left, y: this.shift.y - top };
    this.host.style.translate = `${this.shift.x}px ${this.shift.y}px`;
  }

  /**
   * Underlines `findings` at `lines` (each finding's line boxes), shows `report` and the
   * `notes` on the whole draft on the indicator (never as underlines), and says a new verdict
   * to screen readers. `textLength` is for tests.
   */
  draw(report: Report | undefined, findings: Finding[], notes: Finding[], lines: DOMRect[][], textLength: number): void {
    this.mount();
    this.drawn = findings.map((finding, i) => ({ finding, rects: lines[i] }));
    const box = this.element.getBoundingClientRect();
    // Words scrolled out of the editor stay hidden, as the text itself does: an underline is
    // drawn only where it lies wholly inside the visible part of the editor, so none ever
    // shows over the page's own buttons.
    const clip = visibleBox(this.element);
    // Line elements are reused from draw to draw: a keystroke moves a few, creates none.
    const pool = this.layer.children;
    let used = 0;
    const taken: Box[] = [];
    for (const { finding, rects } of [...this.drawn].sort((a, b) => drawOrder(a.finding, b.finding))) {
      for (const r of rects) {
        // A line mostly scrolled out is not underlined; one cut a little keeps its underline,
        // lifted inside the box.
        if (Math.min(r.bottom, clip.bottom) - Math.max(r.top, clip.top) < r.height / 2) continue;
        const y = Math.max(clip.top + HALF_WAVE, Math.min(r.bottom, clip.bottom - HALF_WAVE));
        const clipped = { left: Math.max(r.left, clip.left), right: Math.min(r.right, clip.right), top: r.top, bottom: y };
        if (clipped.right - clipped.left < 1) continue;
        // Where spans overlap, one underline: the one drawn first.
        for (const piece of uncovered(clipped, taken)) {
          taken.push(piece);
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
          line.style.left = `${piece.left}px`;
          line.style.top = `${piece.bottom - HALF_WAVE}px`;
          line.style.width = `${piece.right - piece.left}px`;
        }
      }
    }
    while (pool.length > used) pool[pool.length - 1].remove();
    // The page's colours rarely change: look again only after `resetTheme`.
    this.root.dataset.theme ??= detectTheme(this.element);
    // A box that is hidden (a closed tab of a dialog, say) shows no indicator.
    this.indicator.show(box.width > 0 && box.height > 0 ? report : undefined, notes);
    if (report) this.indicator.place(box, (this.config.avoid?.() ?? []).map((el) => el.getBoundingClientRect()));
    if (report?.verdict !== this.announced) {
      this.announced = report?.verdict;
      if (report) this.live.textContent = t('liveVerdict', VERDICT_LABEL[report.verdict]);
    }
    // Plain facts for tests and benchmarks to read; never the text itself.
    this.host.dataset.verdict = report?.verdict ?? '';
    this.host.dataset.pitch = String(report?.scores.pitch ?? '');
    this.host.dataset.conversation = String(report?.scores.conversation ?? '');
    this.host.dataset.length = String(textLength);
    this.host.dataset.rev = String(++this.revision);
  }

  /** The page scrolled or resized: read its colours again at the next draw. */
  resetTheme(): void {
    delete this.root.dataset.theme;
  }

  /**
   * The findings whose underline is at viewport point `x`, `y` (the wave along the bottom of
   * their line boxes, not the words above it), and the line box that was hit.
   */
  findingsAt(x: number, y: number): { findings: Finding[]; anchor: DOMRect } | undefined {
    const hit = (r: DOMRect) => x >= r.left && x <= r.right && y >= r.bottom - UNDERLINE_REACH && y <= r.bottom + 2;
    const found = this.drawn.filter(({ rects }) => rects.some(hit));
    if (found.length === 0) return undefined;
    const anchor = found[0].rects.find(hit) ?? found[0].rects[0];
    return { findings: found.map((d) => d.finding), anchor };
  }
}
