// Lexical editors with history on every [data-lexical-box] element, as the sites that use
// Lexical mount them: plain text (Facebook's and Threads' boxes), or rich text with
// @lexical/rich-text where the element says data-lexical-box="rich" (Reddit's comment
// boxes, whose editor has headings, quotes and formatting). The page's own
// script posts a draft with `sociableTestPage.clear(box)`, which empties the editor the way
// the site does after sending.
import { $createParagraphNode, $getRoot, createEditor } from 'lexical';
import { registerPlainText } from '@lexical/plain-text';
import { HeadingNode, QuoteNode, registerRichText } from '@lexical/rich-text';
import { registerHistory, createEmptyHistoryState } from '@lexical/history';
import { mergeRegister } from '@lexical/utils';

const editors = new Map();

function mount(root) {
  if (editors.has(root)) return;
  const rich = root.dataset.lexicalBox === 'rich';
  const editor = createEditor({
    namespace: root.id || 'box',
    nodes: rich ? [HeadingNode, QuoteNode] : [],
    onError: (e) => { throw e; },
  });
  root.contentEditable = 'true';
  editor.setRootElement(root);
  mergeRegister(rich ? registerRichText(editor) : registerPlainText(editor), registerHistory(editor, createEmptyHistoryState(), 300));
  editors.set(root, editor);
}

window.sociableTestPage = {
  mountAll(scope = document) {
    for (const root of scope.querySelectorAll('[data-lexical-box]')) mount(root);
  },
  clear(root) {
    editors.get(root)?.update(() => {
      $getRoot().clear().append($createParagraphNode());
    });
  },
  text(root) {
    return editors.get(root)?.getEditorState().read(() => $getRoot().getTextContent()) ?? null;
  },
};
window.sociableTestPage.mountAll();
document.documentElement.dataset.ready = 'yes';
