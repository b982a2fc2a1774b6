// Drafts in the styles people really post, one per kind the core tells apart. Written for
// this page; the brand names are made up.

export interface Example {
  id: string;
  label: string;
  text: string;
  /** A reply's parent post: loading the example switches to reply mode. */
  parent?: string;
}

export const EXAMPLES: readonly Example[] = [
  {
    id: 'launch',
    label: 'Launch announcement',
    text: "🚀 Big news! After 18 months of late nights, we're proud to announce Tidewell 2.0, the best note-taking app ever made. Faster sync, offline mode and a brand new editor. Try it free today, link in bio! #productivity #startup #saas #notes #launch",
  },
  {
    id: 'discount',
    label: 'Discount blast',
    text: "FLASH SALE 🔥🔥 50% off every plan, today only! Use code SAVE50 at checkout. Only 20 spots left, don't miss out!!! 👉 Shop now: https://bit.ly/tw-sale",
  },
  {
    id: 'bait',
    label: 'Engagement bait',
    text: "Most people will never reach 10k followers. The ones who do know this one secret. Comment GROWTH below and I'll DM you my free guide. Tag 3 friends who need this! ♻️ Repost to help others.",
  },
  {
    id: 'question',
    label: 'Genuine question',
    text: "I've run our team's retros remotely for a year and they keep going flat after the first twenty minutes. How do you keep people talking when half the team has cameras off? Curious what has worked for you, and what hasn't.",
  },
  {
    id: 'reply',
    label: 'Helpful reply with a product',
    parent: "Can anyone recommend a budgeting app that works offline? I'm tired of everything needing an account and a cloud sync.",
    text: "Thanks for asking this! I use Ledgerleaf for exactly that: everything stays on the phone, no account, no sync. It's at ledgerleaf.app (full disclosure, I work on it). Happy to share how I set up my categories if that helps.",
  },
];
