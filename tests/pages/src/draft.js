// X's composer is Draft.js: the real editor, mounted where X mounts it.
import { createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Editor, EditorState } from 'draft-js';

function Composer() {
  const [state, setState] = useState(() => EditorState.createEmpty());
  return h(Editor, {
    editorState: state,
    onChange: setState,
    placeholder: document.body.dataset.placeholder || "What's happening?",
    webDriverTestID: 'tweetTextarea_0',
    ariaLabel: 'Post text',
  });
}

createRoot(document.getElementById('composer')).render(h(Composer));
