// Words shown to people for the report's machine names.
import type { Category, Verdict } from '../core-types';

export const VERDICT_LABEL: Record<Verdict, string> = {
  conversation: 'Conversation',
  'no-room': 'No room to answer',
  pitch: 'Pitch',
};

export const CATEGORY_LABEL: Record<Category, string> = {
  'call-to-action': 'Call to action',
  offer: 'Offer',
  urgency: 'Urgency',
  hype: 'Hype',
  'self-promotion': 'Self-promotion',
  'spam-form': 'Spam form',
  'engagement-bait': 'Engagement bait',
  'hook-question': 'Hook question',
  broadcast: 'Broadcast',
  question: 'Question',
  invitation: 'Invitation',
  acknowledgement: 'Acknowledgement',
  'reader-focus': 'Reader focus',
};
