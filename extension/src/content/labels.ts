// Words shown to people for the report's machine names, from the locale's messages.
// CATEGORY_LABEL keeps one category a line, each name quoted, as `'name': t(…),`: a Rust
// test reads it.
import type { Category, Finding, Suggestion, Verdict } from '../core-types';
import { t } from '../i18n';

export const VERDICT_LABEL: Record<Verdict, string> = {
  'conversation': t('verdictConversation'),
  'no-room': t('verdictNoRoom'),
  'pitch': t('verdictPitch'),
};

export const CATEGORY_LABEL: Record<Category, string> = {
  'call-to-action': t('categoryCallToAction'),
  'offer': t('categoryOffer'),
  'urgency': t('categoryUrgency'),
  'hype': t('categoryHype'),
  'self-promotion': t('categorySelfPromotion'),
  'spam-form': t('categorySpamForm'),
  'engagement-bait': t('categoryEngagementBait'),
  'hook-question': t('categoryHookQuestion'),
  'broadcast': t('categoryBroadcast'),
  'question': t('categoryQuestion'),
  'invitation': t('categoryInvitation'),
  'acknowledgement': t('categoryAcknowledgement'),
  'reader-focus': t('categoryReaderFocus'),
};

/** The words on a button that applies `suggestion`. */
export function suggestionLabel(suggestion: Suggestion): string {
  const text = suggestion.text.trim();
  return suggestion.kind === 'replace' ? t('suggestionReplace', text) : t('suggestionInsert', text);
}

/** A note on the whole draft, as the indicator names it. */
export function noteLabel(finding: Finding): string {
  return finding.rule === 'no-opening' ? t('noteNoOpening') : CATEGORY_LABEL[finding.category].toLowerCase();
}
