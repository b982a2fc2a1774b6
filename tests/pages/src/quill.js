// LinkedIn's share box is Quill.
import Quill from 'quill';

new Quill('#composer', { placeholder: 'What do you want to talk about?', modules: { toolbar: false } });
