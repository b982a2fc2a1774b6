// The small button at the compose box's corner: verdict and both scores; opens the card.
import type { Finding, Report } from '../core-types';
import { t } from '../i18n';
import { VERDICT_LABEL, noteLabel } from './labels';

export class Indicator {
  readonly button: HTMLButtonElement;
  private readonly label: HTMLSpanElement;
  /** Findings about the whole draft (no opening): a note beside the scores, never an underline. */
  private readonly note: HTMLSpanElement;
  private size: [number, number] = [0, 0];
  private sizedFor = '';

  constructor(parent: Node, onOpen: () => void, signal: AbortSignal) {
    this.button = document.createElement('button');
    this.button.type = 'button';
    this.button.className = 'indicator';
    this.button.hidden = true;
    const dot = document.createElement('span');
    dot.className = 'dot';
    this.label = document.createElement('span');
    this.note = document.createElement('span');
    this.note.className = 'note';
    this.button.append(dot, this.label, this.note);
    // Keep the caret in the editor when clicked with a mouse.
    this.button.addEventListener('mousedown', (e) => e.preventDefault(), { signal });
    this.button.addEventListener('click', onOpen, { signal });
    parent.appendChild(this.button);
  }

  show(report: Report | undefined, notes: Finding[] = []): void {
    if (!report) {
      this.button.hidden = true;
      return;
    }
    const { pitch, conversation } = report.scores;
    this.button.hidden = false;
    this.button.dataset.verdict = report.verdict;
    this.label.textContent = t('indicatorLabel', VERDICT_LABEL[report.verdict], pitch, conversation);
    const noted = notes.map(noteLabel);
    this.note.textContent = noted.join(', ');
    this.note.hidden = noted.length === 0;
    // The rules noted, for tests: plain ids, never text.
    this.button.dataset.notes = notes.map((f) => f.rule).join(' ');
    this.button.setAttribute('aria-label', t('indicatorAria', VERDICT_LABEL[report.verdict], pitch, conversation, noted.map((n) => ` ${n}.`).join('')));
  }

  /** Just below the box's right corner, so it never covers the text; inside when no room. */
  place(box: DOMRect, avoid: DOMRect[] = []): void {
    // Reading the size forces a layout; the size only changes with the label.
    const label = this.button.hidden ? '' : this.button.textContent ?? '';
    if (label !== this.sizedFor) {
      this.size = [this.button.offsetWidth, this.button.offsetHeight];
      this.sizedFor = label;
    }
    const [width, height] = this.size;
    const below = box.bottom + 4 + height <= innerHeight;
    let left = box.right - width;
    const top = below ? box.bottom + 4 : Math.max(0, box.bottom - height - 4);
    // Never cover the site's own buttons (Post, Reply): step left of any it would overlap.
    for (const r of avoid) {
      if (left < r.right && r.left < left + width && top < r.bottom && r.top < top + height) left = r.left - width - 6;
    }
    this.button.style.left = `${Math.max(0, left)}px`;
    this.button.style.top = `${top}px`;
  }
}
