// The one table of site differences. Each adapter says where compose boxes are, where the
// post being answered is, and which button sends a draft (to count posted drafts).
// Selectors are tried in order; the generic fallback catches what they miss.

import { closestAcross } from './shadow-dom';

/**
 * One way to find the post a box answers. An adapter lists them in order and the first that
 * finds a text gives it; when none does, the draft is a new post (a new post is never a reply).
 */
export interface ParentLookup {
  /**
   * Where the post is: the nearest element matching `scope` around the box (across shadow
   * roots). With `page`, the first in the page instead, for sites that put the box outside
   * the post it answers (Reddit's top-level comment box follows `shreddit-post`). With
   * `nearest` and no scope, the nearest element around the box that holds a `post` before
   * the box, without leaving the box's modal or shadow root and before reaching one that
   * holds another compose box (LinkedIn's comment boxes sit in posts without a known class).
   */
  scope?: string;
  page?: boolean;
  nearest?: boolean;
  /**
   * The posts in the scope: only those before the box count, and the box answers the last
   * of them (a scope that also holds a timeline after the box is no reply).
   */
  post?: string;
  /** The text in the post (or the scope): the first match, or the `nth` (0-based); without it, the post's own text. */
  text?: string;
  nth?: number;
  /** Every match's text, a line each (a title and a body). */
  join?: boolean;
}

export interface Adapter {
  site: string;
  /** Hostnames, matched exactly or as a parent domain (`x.com` covers `mobile.x.com`). */
  hosts: readonly string[];
  /** Markup that makes any page this site's, on a host the user enabled from the popup. */
  marker?: string;
  /** Compose boxes: textareas or contenteditable roots. */
  compose: string;
  /** Where the post a reply answers is, tried in order (see ParentLookup). */
  parent?: readonly ParentLookup[];
  /**
   * Buttons that send the draft: `button` in the nearest `scope` around the box; `near`, in
   * the nearest element around the box that holds one (and no other compose box). Whatever
   * the labels, a box emptied right after Enter or a click inside its composer counts too
   * (sends.ts).
   */
  send?: { scope?: string; button?: string; near?: string };
}

export const ADAPTERS: readonly Adapter[] = [
  {
    site: 'X',
    hosts: ['x.com', 'twitter.com'],
    compose: '[data-testid^="tweetTextarea_"][contenteditable="true"], div[role="textbox"][data-testid^="tweetTextarea_"]',
    // The home composer sits above the timeline's <article>s (no parent); on a status page
    // the inline reply box follows the tweet it answers, after the thread above it.
    parent: [{ scope: '[role="dialog"], [data-testid="primaryColumn"]', post: 'article', text: '[data-testid="tweetText"]' }],
    send: { scope: '[role="dialog"], [data-testid="primaryColumn"], form', button: '[data-testid="tweetButton"], [data-testid="tweetButtonInline"]' },
  },
  {
    site: 'LinkedIn',
    hosts: ['linkedin.com'],
    // Share box: Quill (in #interop-outlet's shadow root) or TipTap in a <dialog>; comments: TipTap.
    compose: '[data-testid="ui-core-tiptap-text-editor-wrapper"] [role="textbox"], .ql-editor[contenteditable="true"], div[role="textbox"][contenteditable="true"]',
    parent: [
      { scope: '.feed-shared-update-v2, [data-urn]', text: '.update-components-text, .feed-shared-inline-show-more-text' },
      { nearest: true, post: '[componentkey^="feed-commentary_"], [data-testid="expandable-text-box"]' },
    ],
    send: {
      scope: '.share-box, .comments-comment-box, dialog, [role="dialog"], form',
      button: '.share-actions__primary-action, .comments-comment-box__submit-button, button[type="submit"]',
      near: '[componentkey*="commentButtonSection"] button',
    },
  },
  {
    site: 'Facebook',
    hosts: ['facebook.com'],
    compose: 'div[role="textbox"][contenteditable="true"][data-lexical-editor="true"], div[role="textbox"][contenteditable="true"]',
    // Feed posts are `[aria-posinset]` (a post opened on its own, a `[role=dialog]`) with
    // the text in `story_message`; the "Create post" dialog has none: a new post.
    parent: [
      { scope: '[aria-posinset], [role="dialog"]', text: '[data-ad-rendering-role="story_message"]' },
      { scope: '[role="article"]', text: '[data-ad-comet-preview="message"], [data-ad-preview="message"]' },
    ],
    // Labels are translated: the English ones are a bonus; in every language, Enter or a
    // click that empties the box counts (a dialog that closes instead does not).
    send: { scope: '[role="dialog"], form, [aria-posinset], [role="article"]', button: '[aria-label="Post"], [aria-label="Comment"], [aria-label="Reply"], button[type="submit"]' },
  },
  {
    site: 'Instagram',
    hosts: ['instagram.com'],
    compose: 'textarea[aria-label], div[role="textbox"][contenteditable="true"]',
    parent: [{ scope: 'article, [role="dialog"]', text: 'h1' }],
    // The comment form's Post button is text; its emoji button, also a div[role=button], an icon.
    send: { scope: 'form', button: 'button[type="submit"], div[role="button"]:not(:has(svg, img))' },
  },
  {
    site: 'Threads',
    hosts: ['threads.net', 'threads.com'],
    compose: 'div[role="textbox"][contenteditable="true"]',
    // The reply dialog shows the post answered above the box: its first text block is the
    // author's name, the second the post.
    parent: [{ scope: '[role="dialog"]', post: '[data-pressable-container]', text: 'span[dir="auto"]', nth: 1 }],
    send: { scope: '[role="dialog"]', button: 'div[role="button"][tabindex="0"]:last-of-type' },
  },
  {
    site: 'Reddit',
    hosts: ['reddit.com'],
    // shreddit-composer slots a Lexical box (slot=rte) into its shadow root; old Reddit: textareas.
    compose: 'shreddit-composer [slot="rte"][contenteditable="true"], shreddit-composer div[contenteditable="true"], div[role="textbox"][contenteditable="true"], textarea[name="text"], textarea',
    parent: [
      // A reply box inside a comment answers that comment (its own text, not its replies').
      { scope: 'shreddit-comment', text: ':scope > [slot="comment"]' },
      // The top-level box follows the post, outside it: the page's post answers it.
      { scope: 'shreddit-post', page: true, text: '[slot="title"], [slot="text-body"]', join: true },
      { scope: '[data-testid="post-container"], .thing', text: '[data-click-id="text"], .usertext-body' },
    ],
    send: { scope: 'shreddit-composer, comment-composer-host, form', button: 'button[type="submit"], button[slot="submit-button"]' },
  },
  {
    site: 'Mastodon',
    hosts: [
      'mastodon.social', 'mastodon.online', 'mastodon.world', 'mas.to', 'mstdn.social',
      'fosstodon.org', 'hachyderm.io', 'infosec.exchange', 'techhub.social', 'mastodon.art',
    ],
    // Every Mastodon server's web app mounts on this element, whatever its host.
    marker: '#mastodon[data-props]',
    compose: 'textarea.autosuggest-textarea__textarea, .compose-form textarea',
    parent: [{ scope: '.compose-form, .columns-area', text: '.reply-indicator__content, .edit-indicator__content' }],
    send: { scope: '.compose-form, form', button: '.compose-form__submit button, .compose-form__publish button, button[type="submit"]' },
  },
  {
    site: 'Bluesky',
    hosts: ['bsky.app'],
    compose: '.ProseMirror[contenteditable="true"], [data-testid="composerTextInput"] [contenteditable="true"]',
    parent: [
      { scope: '[role="dialog"], [aria-modal="true"]', post: '[data-testid="replyPostText"], [data-testid="postText"]' },
      // The reply preview has no test id: above the box, the author's name and then the
      // post, each a React Native Web text (div[dir=auto]); the dialog's buttons are not posts.
      { scope: '[role="dialog"], [aria-modal="true"]', post: 'div[dir="auto"]:not(button *, [role="button"] *, a *)' },
    ],
    send: { scope: '[role="dialog"], [aria-modal="true"]', button: '[data-testid="composerPublishBtn"]' },
  },
  {
    site: 'YouTube',
    hosts: ['youtube.com'],
    compose: '#contenteditable-root[contenteditable="true"], #contenteditable-root[contenteditable="plaintext-only"]',
    // A reply box sits in the comment it answers; the top-level box (in the comments header) answers none.
    parent: [{ scope: 'ytd-comment-view-model, ytd-comment-renderer, ytd-comment-thread-renderer', text: '#content-text' }],
    send: { scope: 'ytd-commentbox, #commentbox', button: '#submit-button button, #submit-button' },
  },
];

/** Catches compose boxes on sites the table does not know, and boxes it misses. */
export const GENERIC_COMPOSE =
  'textarea, [contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"]';

/** The site's adapter, by its host or, given the page, by its markup (Mastodon on any server). */
export function adapterFor(hostname: string, page?: ParentNode): Adapter | undefined {
  const host = hostname.toLowerCase();
  return ADAPTERS.find((a) => a.hosts.some((h) => host === h || host.endsWith(`.${h}`)))
    ?? (page && ADAPTERS.find((a) => a.marker && page.querySelector(a.marker)));
}

/** The match patterns for the manifest's content scripts and host permissions. */
export function hostPatterns(): string[] {
  return ADAPTERS.flatMap((a) => a.hosts.flatMap((h) => [`*://${h}/*`, `*://*.${h}/*`]));
}

/** The text of the post a reply answers, when the site shows it next to the box. */
export function parentText(adapter: Adapter | undefined, box: Element): string | undefined {
  for (const lookup of adapter?.parent ?? []) {
    const text = lookupText(lookup, box, adapter?.compose ?? '');
    if (text) return text.slice(0, 5000);
  }
  return undefined;
}

function lookupText(lookup: ParentLookup, box: Element, compose: string): string | undefined {
  const { scope: selector, page, nearest, post, text, nth = 0, join } = lookup;
  let scope: Element | null | undefined;
  if (nearest && post) scope = nearestHolding(box, post, compose, true);
  else if (selector) scope = page ? box.ownerDocument.querySelector(selector) : closestAcross(box, selector);
  if (!scope) return undefined;
  const answered = post ? lastPostBefore(scope, post, box) : scope;
  if (!answered) return undefined;
  const blocks = text ? [...answered.querySelectorAll(text)] : [answered];
  const chosen = join ? blocks.filter((b) => !blocks.some((o) => o !== b && o.contains(b))) : blocks.slice(nth, nth + 1);
  const found = chosen.map((b) => b.textContent?.trim() ?? '').filter(Boolean).join('\n');
  return found || undefined;
}

/** The last `post` in `scope` that comes before `box` in the page (and does not hold it). */
function lastPostBefore(scope: Element, post: string, box: Element): Element | undefined {
  const before = [...scope.querySelectorAll(post)].filter((p) => isBefore(p, box));
  return before.at(-1);
}

function isBefore(el: Element, box: Element): boolean {
  return !el.contains(box) && (el.compareDocumentPosition(box) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
}

/**
 * The nearest element around `box` holding a `selector` match (one before the box, with
 * `before`), within the box's own root and modal, and short of one holding another box.
 */
function nearestHolding(box: Element, selector: string, compose: string, before: boolean): Element | undefined {
  // One query each over the box's tree, then containment tests on the way up.
  const root = box.getRootNode() as Document | ShadowRoot;
  const matches = [...root.querySelectorAll(selector)].filter((m) => !before || isBefore(m, box));
  const others = compose ? [...root.querySelectorAll(compose)].filter((b) => !b.contains(box) && !box.contains(b)) : [];
  for (let at = box.parentElement; at; at = at.parentElement) {
    if (matches.some((m) => at.contains(m))) return at;
    if (at.matches(MODAL) || others.some((b) => at.contains(b))) return undefined;
  }
  return undefined;
}

const MODAL = 'dialog, [role="dialog"], [aria-modal="true"]';

/** The send buttons for a box, if the adapter knows them. */
export function sendButtons(adapter: Adapter | undefined, box: Element): Element[] {
  const send = adapter?.send;
  if (!send) return [];
  const buttons: Element[] = [];
  const scope = send.scope && send.button ? closestAcross(box, send.scope) : null;
  if (scope && send.button) buttons.push(...scope.querySelectorAll(send.button));
  const near = send.near ? nearestHolding(box, send.near, adapter.compose, false) : undefined;
  if (near && send.near) buttons.push(...near.querySelectorAll(send.near));
  return buttons;
}

/**
 * The composer around a box: the nearest form or send scope. A click in it that leaves
 * the box empty sent the draft, whatever the button says.
 */
export function composerOf(adapter: Adapter | undefined, box: Element): Element | null {
  const send = adapter?.send;
  return closestAcross(box, send?.scope ? `form, ${send.scope}` : 'form')
    ?? (send?.near ? nearestHolding(box, send.near, adapter?.compose ?? '', false) : undefined) ?? null;
}
