// The overlay's look. Everything lives in a shadow root, so page styles cannot leak in and
// ours cannot leak out.

export const CSS = `
:host { all: initial; }
[hidden] { display: none !important; }
.layer { position: fixed; inset: 0 auto auto 0; width: 0; height: 0; pointer-events: none; }
.line { position: fixed; height: 4px; pointer-events: none;
  --c: #d64545;
  background:
    linear-gradient(135deg, transparent 35%, var(--c) 35%, var(--c) 60%, transparent 60%) 0 0 / 6px 4px repeat-x,
    linear-gradient(45deg, transparent 35%, var(--c) 35%, var(--c) 60%, transparent 60%) 3px 0 / 6px 4px repeat-x; }
.line[data-axis="conversation"] { --c: #d89b12; }
.indicator { position: fixed; pointer-events: auto; display: inline-flex; align-items: center; gap: 4px;
  font: 600 11px/1 system-ui, sans-serif; padding: 3px 6px; border-radius: 10px; cursor: pointer; white-space: nowrap;
  border: 1px solid var(--border); background: var(--bg); color: var(--fg); box-shadow: 0 1px 3px #0003; }
.indicator:focus-visible { outline: 2px solid #3b82f6; outline-offset: 1px; }
.dot { width: 8px; height: 8px; border-radius: 50%; background: #2f9e5b; }
.indicator[data-verdict="no-room"] .dot { background: #d89b12; }
.indicator[data-verdict="pitch"] .dot { background: #d64545; }
.indicator[data-busy] { opacity: .7; }
.indicator .note { font-weight: 500; color: var(--muted); border-left: 1px solid var(--border); padding-left: 4px; }
.card h3 { font-size: 11px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); margin: 6px 0 2px; font-weight: 600; }
.card li[data-scope="draft"] { background: var(--button); border-radius: 6px; padding: 6px 8px; border-top: 0; margin-bottom: 4px; }
.card { position: fixed; pointer-events: auto; width: min(340px, 90vw); max-height: 60vh; overflow: auto;
  font: 13px/1.4 system-ui, sans-serif; background: var(--bg); color: var(--fg);
  border: 1px solid var(--border); border-radius: 8px; box-shadow: 0 6px 24px #0004; padding: 10px 12px; }
/* A long card scrolls; shadows at its edges say there is more (they stay put while the
   content scrolls: the "local" backgrounds cover them at either end). */
.card { overscroll-behavior: contain;
  background:
    linear-gradient(var(--bg) 30%, transparent) top / 100% 24px no-repeat local,
    linear-gradient(transparent, var(--bg) 70%) bottom / 100% 24px no-repeat local,
    radial-gradient(farthest-side at 50% 0, #0003, transparent) top / 100% 10px no-repeat scroll,
    radial-gradient(farthest-side at 50% 100%, #0003, transparent) bottom / 100% 10px no-repeat scroll,
    var(--bg); }
.card h2 { font-size: 13px; margin: 0 0 6px; }
.card ul { list-style: none; margin: 0; padding: 0; }
.card li { padding: 6px 0; border-top: 1px solid var(--border); }
.card li:first-child { border-top: 0; }
.card .tag { font-size: 11px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.card .tag[data-axis="pitch"] { color: #d64545; }
.card .tag[data-axis="conversation"] { color: #b7800c; }
.card .tag[data-severity="good"] { color: #2f9e5b; }
.card .actions { display: flex; gap: 6px; margin-top: 4px; flex-wrap: wrap; }
.card button { font: inherit; font-size: 12px; padding: 2px 8px; border-radius: 6px; cursor: pointer;
  border: 1px solid var(--border); background: var(--button); color: var(--fg); }
.card button:focus-visible { outline: 2px solid #3b82f6; }
.sr { position: fixed; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.theme { --bg: #ffffff; --fg: #1d2330; --muted: #5c6473; --border: #d6dae1; --button: #f3f5f8; }
.theme[data-theme="dark"] { --bg: #1f2430; --fg: #e8ebf1; --muted: #a0a8b8; --border: #3a4152; --button: #2a3040; }
`;

/** Styles a shadow root without an inline <style> where possible (page CSPs may block it). */
export function adoptStyles(root: ShadowRoot, css: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
    return;
  } catch {
    // Firefox content scripts may not adopt sheets built in their own compartment.
  }
  const style = document.createElement('style');
  style.textContent = css;
  root.append(style);
}
