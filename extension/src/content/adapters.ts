// The one table of site differences. Each adapter says where compose boxes are, where the
// post being answered is, and which button sends a draft (to count posted drafts).
// Selectors are tried in order; the generic fallback catches what they miss.

import { closestAcross } from './shadow-dom';

export interface Adapter {
  site: string;
  /** Hostnames, matched exactly or as a parent domain (`x.com` covers `mobile.x.com`). */
  hosts: readonly string[];
  /** Compose boxes: textareas or contenteditable roots. */
  compose: string;
  /**
   * Where a reply's parent post is: the nearest `scope` around the box, then `text` in it.
   * With `post`, only posts shown before the box count and the box answers the last of
   * them: a scope that also holds a timeline (posts after the box) is not a reply.
   */
  parent?: { scope: string; text: string; post?: string };
  /** Buttons that send the draft, looked up in the nearest `scope` around the box. */
  send?: { scope: string; button: string };
}

export const ADAPTERS: readonly Adapter[] = [
  {
    site: 'X',
    hosts: ['x.com', 'twitter.com'],
    compose: '[data-testid^="tweetTextarea_"][contenteditable="true"], div[role="textbox"][data-testid^="tweetTextarea_"]',
    // The home composer sits above the timeline's <article>s (no parent); on a status page
    // the inline reply box follows the tweet it answers, after the thread above it.
    parent: { scope: '[role="dialog"], [data-testid="primaryColumn"]', post: 'article', text: '[data-testid="tweetText"]' },
    send: { scope: '[role="dialog"], [data-testid="primaryColumn"], form', button: '[data-testid="tweetButton"], [data-testid="tweetButtonInline"]' },
  },
  {
    site: 'LinkedIn',
    hosts: ['linkedin.com'],
    compose: '.ql-editor[contenteditable="true"], div[role="textbox"][contenteditable="true"]',
    parent: { scope: '.feed-shared-update-v2, [data-urn]', text: '.update-components-text, .feed-shared-inline-show-more-text' },
    send: { scope: '.share-box, .comments-comment-box, [role="dialog"], form', button: '.share-actions__primary-action, .comments-comment-box__submit-button, button[type="submit"]' },
  },
  {
    site: 'Facebook',
    hosts: ['facebook.com'],
    compose: 'div[role="textbox"][contenteditable="true"][data-lexical-editor="true"], div[role="textbox"][contenteditable="true"]',
    parent: { scope: '[role="article"]', text: '[data-ad-comet-preview="message"], [data-ad-preview="message"]' },
    send: { scope: '[role="dialog"], form, [role="article"]', button: '[aria-label="Post"], [aria-label="Comment"], [aria-label="Reply"]' },
  },
  {
    site: 'Instagram',
    hosts: ['instagram.com'],
    compose: 'textarea[aria-label], div[role="textbox"][contenteditable="true"]',
    parent: { scope: 'article, [role="dialog"]', text: 'h1' },
    send: { scope: 'form', button: 'button[type="submit"], div[role="button"]' },
  },
  {
    site: 'Threads',
    hosts: ['threads.net', 'threads.com'],
    compose: 'div[role="textbox"][contenteditable="true"]',
    parent: { scope: '[role="dialog"]', text: '[data-pressable-container] span[dir="auto"]' },
    send: { scope: '[role="dialog"]', button: 'div[role="button"][tabindex="0"]:last-of-type' },
  },
  {
    site: 'Reddit',
    hosts: ['reddit.com'],
    compose: 'shreddit-composer div[contenteditable="true"], div[role="textbox"][contenteditable="true"], textarea[name="text"], textarea',
    parent: { scope: 'shreddit-post, [data-testid="post-container"], .thing', text: '[slot="text-body"], [data-click-id="text"], .usertext-body' },
    send: { scope: 'shreddit-composer, comment-composer-host, form', button: 'button[type="submit"], button[slot="submit-button"]' },
  },
  {
    site: 'Mastodon',
    hosts: [
      'mastodon.social', 'mastodon.online', 'mastodon.world', 'mas.to', 'mstdn.social',
      'fosstodon.org', 'hachyderm.io', 'infosec.exchange', 'techhub.social', 'mastodon.art',
    ],
    compose: 'textarea.autosuggest-textarea__textarea, .compose-form textarea',
    parent: { scope: '.compose-form, .columns-area', text: '.reply-indicator__content, .edit-indicator__content' },
    send: { scope: '.compose-form, form', button: '.compose-form__publish button, button[type="submit"]' },
  },
  {
    site: 'Bluesky',
    hosts: ['bsky.app'],
    compose: '.ProseMirror[contenteditable="true"], [data-testid="composerTextInput"] [contenteditable="true"]',
    parent: { scope: '[role="dialog"], [aria-modal="true"]', text: '[data-testid="replyPostText"], [data-testid="postText"]' },
    send: { scope: '[role="dialog"], [aria-modal="true"]', button: '[data-testid="composerPublishBtn"]' },
  },
  {
    site: 'YouTube',
    hosts: ['youtube.com'],
    compose: '#contenteditable-root[contenteditable="true"], #contenteditable-root[contenteditable="plaintext-only"]',
    parent: { scope: 'ytd-comment-thread-renderer, ytd-comment-view-model', text: '#content-text' },
    send: { scope: 'ytd-commentbox, #commentbox', button: '#submit-button button, #submit-button' },
  },
];

/** Catches compose boxes on sites the table does not know, and boxes it misses. */
export const GENERIC_COMPOSE =
  'textarea, [contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"]';

export function adapterFor(hostname: string): Adapter | undefined {
  const host = hostname.toLowerCase();
  return ADAPTERS.find((a) => a.hosts.some((h) => host === h || host.endsWith(`.${h}`)));
}

/** The match patterns for the manifest's content scripts and host permissions. */
export function hostPatterns(): string[] {
  return ADAPTERS.flatMap((a) => a.hosts.flatMap((h) => [`*://${h}/*`, `*://*.${h}/*`]));
}

/** The text of the post a reply answers, when the site shows it next to the box. */
export function parentText(adapter: Adapter | undefined, box: Element): string | undefined {
  if (!adapter?.parent) return undefined;
  const { scope: scopes, post, text: textSelector } = adapter.parent;
  const scope = closestAcross(box, scopes);
  if (!scope) return undefined;
  const answered = post ? lastPostBefore(scope, post, box) : scope;
  const text = answered?.querySelector(textSelector)?.textContent?.trim();
  return text ? text.slice(0, 5000) : undefined;
}

/** The last `post` in `scope` that comes before `box` in the page (and does not hold it). */
function lastPostBefore(scope: Element, post: string, box: Element): Element | undefined {
  const before = [...scope.querySelectorAll(post)].filter((p) =>
    !p.contains(box) && (p.compareDocumentPosition(box) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0);
  return before.at(-1);
}

/** The send buttons for a box, if the adapter knows them. */
export function sendButtons(adapter: Adapter | undefined, box: Element): Element[] {
  if (!adapter?.send) return [];
  const scope = closestAcross(box, adapter.send.scope);
  return scope ? [...scope.querySelectorAll(adapter.send.button)] : [];
}
