// Words shown to people for the report's machine names. CATEGORY_LABEL keeps one category
// a line, each name quoted, as `'name': 'Label',`: a Rust test reads it.
import type { Category, Finding, Suggestion, Verdict } from '../core-types';

export const VERDICT_LABEL: Record<Verdict, string> = {
  'conversation': 'Conversation',
  'no-room': 'No room to answer',
  'pitch': 'Pitch',
};

export const CATEGORY_LABEL: Record<Category, string> = {
  'call-to-action': 'Call to action',
  'offer': 'Offer',
  'urgency': 'Urgency',
  'hype': 'Hype',
  'self-promotion': 'Self-promotion',
  'spam-form': 'Spam form',
  'engagement-bait': 'Engagement bait',
  'hook-question': 'Hook question',
  'broadcast': 'Broadcast',
  'question': 'Question',
  'invitation': 'Invitation',
  'acknowledgement': 'Acknowledgement',
  'reader-focus': 'Reader focus',
};

/** The words on a button that applies `suggestion`. */
export function suggestionLabel(suggestion: Suggestion): string {
  const text = suggestion.text.trim();
  return suggestion.kind === 'replace' ? `Replace with “${text}”` : `Add “${text}” at the end`;
}

/** A note on the whole draft, as the indicator names it. */
export function noteLabel(finding: Finding): string {
  return finding.rule === 'no-opening' ? 'no opening' : CATEGORY_LABEL[finding.category].toLowerCase();
}
