// TipTap editors (@tiptap/core with @tiptap/starter-kit, as the sites bundle them) on every
// [data-tiptap-box] element: LinkedIn's dialog share box and comment boxes, Bluesky's
// composer. TipTap mounts its ProseMirror view inside the element as
// `.tiptap.ProseMirror[role=textbox]`; StarterKit brings the schema, input rules and the
// undo history (Mod-z). The page's own script posts a draft with `sociableTestPage.clear(box)`.
import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';

const editors = new Map();

/** A document of one paragraph per line of `text`. */
function docOf(text) {
  return {
    type: 'doc',
    content: text.split('\n').map((line) => ({ type: 'paragraph', content: line ? [{ type: 'text', text: line }] : [] })),
  };
}

function mount(place, text = '') {
  if (editors.has(place)) return editors.get(place).view.dom;
  const editor = new Editor({
    element: place,
    extensions: [StarterKit],
    content: text ? docOf(text) : '',
    editorProps: { attributes: { role: 'textbox', 'aria-multiline': 'true', translate: 'no' } },
  });
  editors.set(place, editor);
  return editor.view.dom;
}

window.sociableTestPage = {
  mount,
  mountAll(scope = document) {
    for (const place of scope.querySelectorAll('[data-tiptap-box]')) mount(place);
  },
  /** The editor's contenteditable in a mount place. */
  box(place) {
    return editors.get(place)?.view.dom ?? null;
  },
  /** Empties the box as the site does once the draft is posted. */
  clear(place) {
    editors.get(place)?.commands.clearContent(true);
  },
};
window.sociableTestPage.mountAll();
document.documentElement.dataset.ready = 'yes';
