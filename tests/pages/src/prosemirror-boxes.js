// ProseMirror editors marked up as TipTap mounts them (`.tiptap.ProseMirror[role=textbox]`)
// on every [data-tiptap-box] element: LinkedIn's comment boxes, Bluesky's composer. TipTap
// is ProseMirror with a schema and commands on top; the DOM, selection and input handling
// the extension meets are ProseMirror's, built here from the real packages. The page's own
// script posts a draft with `sociableTestPage.clear(box)`.
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { Schema } from 'prosemirror-model';
import { schema as basic } from 'prosemirror-schema-basic';
import { history, undo, redo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { baseKeymap } from 'prosemirror-commands';

const schema = new Schema({ nodes: basic.spec.nodes, marks: basic.spec.marks });
const views = new Map();

function stateWith(text) {
  const doc = text
    ? schema.node('doc', null, text.split('\n').map((line) => schema.node('paragraph', null, line ? [schema.text(line)] : [])))
    : undefined;
  return EditorState.create({
    schema,
    doc,
    plugins: [history(), keymap({ 'Mod-z': undo, 'Mod-Shift-z': redo, 'Mod-y': redo }), keymap(baseKeymap)],
  });
}

function mount(place, text = '') {
  if (views.has(place)) return views.get(place);
  const view = new EditorView(place, {
    state: stateWith(text),
    attributes: { class: 'tiptap ProseMirror', role: 'textbox', 'aria-multiline': 'true', translate: 'no' },
  });
  views.set(place, view);
  return view;
}

window.sociableTestPage = {
  mount,
  mountAll(scope = document) {
    for (const place of scope.querySelectorAll('[data-tiptap-box]')) mount(place);
  },
  /** The editor's contenteditable in a mount place. */
  box(place) {
    return views.get(place)?.dom ?? null;
  },
  clear(place) {
    const view = views.get(place);
    if (view) view.updateState(stateWith(''));
  },
};
window.sociableTestPage.mountAll();
document.documentElement.dataset.ready = 'yes';
