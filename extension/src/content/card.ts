// The card that explains findings and offers their suggestions. Keyboard: it takes focus
// when opened, Tab moves between its buttons, Escape closes it and gives focus back.
// A card belongs to one version of the draft (`text`): its buttons act on that text only,
// and the Checker closes or refreshes it as soon as the draft changes.
import type { Finding, Report } from '../core-types';
import { t } from '../i18n';
import { CATEGORY_LABEL, VERDICT_LABEL, suggestionLabel } from './labels';

export interface CardActions {
  /** `text`: the draft the finding was made for. */
  apply(finding: Finding, text: string): void;
  ignore(finding: Finding): void;
}

export class Card {
  private readonly root: HTMLDivElement;
  private returnFocus: HTMLElement | null = null;
  /** The draft the open card was made for. */
  text = '';
  /** The findings it shows. */
  findings: Finding[] = [];

  constructor(parent: Node, private readonly actions: CardActions, signal: AbortSignal) {
    this.root = document.createElement('div');
    this.root.className = 'card';
    this.root.setAttribute('role', 'dialog');
    this.root.setAttribute('aria-label', t('cardLabel'));
    this.root.hidden = true;
    this.root.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        // The card's Escape only: a modal <dialog> around the box (LinkedIn's share box)
        // would take it as a request to close, draft and all.
        e.preventDefault();
        e.stopPropagation();
        this.close();
      }
    }, { signal });
    parent.appendChild(this.root);
  }

  get isOpen(): boolean {
    return !this.root.hidden;
  }

  /** Shows `findings` of `report` on `text` (all of them when from the indicator) next to `anchor`. */
  open(report: Report, text: string, findings: Finding[], anchor: DOMRect, returnFocus: HTMLElement | null, focus: boolean): void {
    this.returnFocus = returnFocus;
    this.text = text;
    this.findings = findings;
    const title = document.createElement('h2');
    title.textContent = t('cardTitle', VERDICT_LABEL[report.verdict], report.scores.pitch, report.scores.conversation);
    const parts: HTMLElement[] = [title];
    // Notes on the whole draft (no opening) first, apart from the findings about words.
    const notes = findings.filter((f) => f.scope === 'draft');
    if (notes.length > 0) {
      const heading = document.createElement('h3');
      heading.textContent = t('cardWholeDraft');
      const list = document.createElement('ul');
      list.className = 'notes';
      for (const finding of notes) list.append(this.item(finding));
      parts.push(heading, list);
    }
    const list = document.createElement('ul');
    for (const finding of findings) if (finding.scope !== 'draft') list.append(this.item(finding));
    if (findings.length === 0) {
      const empty = document.createElement('li');
      empty.textContent = t('cardNothing');
      list.append(empty);
    }
    if (list.childElementCount > 0) parts.push(list);
    this.root.replaceChildren(...parts);
    this.root.hidden = false;
    const width = this.root.offsetWidth;
    const height = this.root.offsetHeight;
    const below = anchor.bottom + 6 + height <= innerHeight;
    this.root.style.left = `${Math.max(4, Math.min(anchor.left, innerWidth - width - 4))}px`;
    this.root.style.top = `${below ? anchor.bottom + 6 : Math.max(4, anchor.top - height - 6)}px`;
    if (focus) (this.root.querySelector('button') ?? this.root).focus();
  }

  /** Closes the card; focus goes back where it came from unless the user moved it. */
  close(restoreFocus = true): void {
    if (this.root.hidden) return;
    this.root.hidden = true;
    this.root.replaceChildren();
    this.findings = [];
    if (restoreFocus) this.returnFocus?.focus();
    this.returnFocus = null;
  }

  private item(finding: Finding): HTMLLIElement {
    const li = document.createElement('li');
    li.dataset.rule = finding.rule;
    li.dataset.scope = finding.scope;
    const tag = document.createElement('div');
    tag.className = 'tag';
    tag.dataset.axis = finding.axis;
    tag.dataset.severity = finding.severity;
    tag.textContent = finding.severity === 'good' ? t('cardWorks', CATEGORY_LABEL[finding.category]) : CATEGORY_LABEL[finding.category];
    const message = document.createElement('div');
    message.textContent = finding.message;
    li.append(tag, message);
    const actions = document.createElement('div');
    actions.className = 'actions';
    if (finding.suggestion) {
      const apply = document.createElement('button');
      apply.type = 'button';
      apply.dataset.action = 'apply';
      apply.textContent = suggestionLabel(finding.suggestion);
      apply.addEventListener('mousedown', (e) => e.preventDefault());
      apply.addEventListener('click', () => {
        const { text } = this;
        this.returnFocus = null;
        this.close();
        this.actions.apply(finding, text);
      });
      actions.append(apply);
    }
    if (finding.severity !== 'good') {
      const ignore = document.createElement('button');
      ignore.type = 'button';
      ignore.dataset.action = 'ignore';
      ignore.textContent = t('cardIgnore');
      ignore.addEventListener('mousedown', (e) => e.preventDefault());
      ignore.addEventListener('click', () => {
        this.actions.ignore(finding);
        li.remove();
        if (!this.root.querySelector('li')) this.close();
      });
      actions.append(ignore);
    }
    if (actions.childElementCount > 0) li.append(actions);
    return li;
  }
}
