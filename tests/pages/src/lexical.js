// Facebook's composer is Lexical: plain-text editing with history, as on the site.
import { createEditor } from 'lexical';
import { registerPlainText } from '@lexical/plain-text';
import { registerHistory, createEmptyHistoryState } from '@lexical/history';
import { mergeRegister } from '@lexical/utils';

const root = document.getElementById('composer');
const editor = createEditor({ namespace: 'composer', onError: (e) => { throw e; } });
editor.setRootElement(root);
mergeRegister(registerPlainText(editor), registerHistory(editor, createEmptyHistoryState(), 300));
