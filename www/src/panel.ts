// The side panel: the verdict in words, both scores as meters, and every finding, the good
// ones first, so the page says what works as well as what sells. Each finding's words show
// it in the draft, and its suggestion is a button that applies it.
import type { Finding, Report, Verdict } from '../../extension/src/core-types';
import { CATEGORY_LABEL, VERDICT_LABEL, suggestionLabel } from '../../extension/src/content/labels';

const WHY: Record<Verdict, string> = {
  conversation: 'Leaves room to answer, and nothing here reads as selling.',
  'no-room': 'Not selling, but nothing invites an answer: add a question or an invitation.',
  pitch: 'Reads as a sales pitch: this is the post people scroll past.',
};

const GROUPS: { title: string; empty: string; test: (f: Finding) => boolean }[] = [
  { title: 'What works', empty: 'No question, invitation or acknowledgement yet.', test: (f) => f.severity === 'good' },
  { title: 'What sells', empty: 'Nothing that sells.', test: (f) => f.severity !== 'good' && f.axis === 'pitch' },
  { title: 'What closes the conversation', empty: 'Nothing that shuts the reader out.', test: (f) => f.severity !== 'good' && f.axis === 'conversation' },
];

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text = ''): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

export interface PanelParts {
  verdict: HTMLElement;
  why: HTMLElement;
  pitch: HTMLElement;
  conversation: HTMLElement;
  compare: HTMLElement;
  findings: HTMLElement;
}

export interface PanelActions {
  /** Shows a finding's words in the draft (selected, with its card), for keyboard users too. */
  reveal(finding: Finding): void;
  /** Applies a finding's suggestion to the draft. */
  apply(finding: Finding): void;
}

export class Panel {
  constructor(private readonly parts: PanelParts, private readonly actions: PanelActions) {
    this.clear();
  }

  clear(): void {
    const { verdict, why, findings, compare } = this.parts;
    verdict.textContent = 'Start writing';
    verdict.dataset.verdict = '';
    why.textContent = 'Type a post, or load one of the examples.';
    this.meter(this.parts.pitch, 0);
    this.meter(this.parts.conversation, 0);
    compare.hidden = true;
    findings.replaceChildren();
  }

  /** `alone` is the same draft read as a new post, shown only in reply mode. */
  show(report: Report, text: string, alone?: Report): void {
    const { verdict, why, findings, compare } = this.parts;
    verdict.textContent = VERDICT_LABEL[report.verdict];
    verdict.dataset.verdict = report.verdict;
    why.textContent = WHY[report.verdict];
    this.meter(this.parts.pitch, report.scores.pitch);
    this.meter(this.parts.conversation, report.scores.conversation);
    compare.hidden = !alone;
    if (alone) {
      compare.textContent = alone.verdict === report.verdict && alone.scores.pitch === report.scores.pitch
        ? `Read as a new post, it would be the same: ${VERDICT_LABEL[alone.verdict]}.`
        : `Without the post it answers, this draft would read as ${VERDICT_LABEL[alone.verdict]} (pitch ${alone.scores.pitch}). `
          + 'Naming a product for someone who asked for one is help, not a pitch.';
    }
    const sections = GROUPS.map(({ title, empty, test }) => {
      const list = report.findings.filter(test);
      const section = el('section', 'group');
      const heading = el('h3', '', title);
      const ul = el('ul', 'findings');
      if (list.length === 0) ul.append(el('li', 'none', empty));
      for (const finding of list) ul.append(this.item(finding, text));
      section.append(heading, ul);
      return section;
    });
    findings.replaceChildren(...sections);
  }

  private item(finding: Finding, text: string): HTMLLIElement {
    const li = el('li', 'finding');
    li.dataset.rule = finding.rule;
    li.dataset.start = String(finding.span_utf16.start);
    li.dataset.severity = finding.severity;
    li.dataset.axis = finding.axis;
    const head = el('div', 'finding-head');
    head.append(el('span', 'tag', CATEGORY_LABEL[finding.category]));
    li.dataset.scope = finding.scope;
    if (finding.scope === 'draft') {
      // About the whole draft: no words of its own to select.
      head.append(el('span', 'words', 'the whole draft'));
    } else {
      const words = text.slice(finding.span_utf16.start, finding.span_utf16.end);
      // Long spans (a whole sentence) would push the message out of sight: show their start.
      const show = el('button', 'words');
      show.type = 'button';
      show.title = 'Select these words in the draft and say why';
      show.append(el('q', '', words.length > 60 ? `${words.slice(0, 57).trimEnd()}…` : words));
      show.addEventListener('click', () => this.actions.reveal(finding));
      head.append(show);
    }
    li.append(head, el('p', 'message', finding.message));
    if (finding.suggestion) {
      const apply = el('button', 'chip suggestion', suggestionLabel(finding.suggestion));
      apply.type = 'button';
      apply.addEventListener('click', () => this.actions.apply(finding));
      li.append(apply);
    }
    return li;
  }

  private meter(node: HTMLElement, value: number): void {
    node.setAttribute('aria-valuenow', String(value));
    node.style.setProperty('--value', `${value}%`);
    const out = node.parentElement?.querySelector('.meter-value');
    if (out) out.textContent = String(value);
  }
}
