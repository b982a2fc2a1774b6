// Quill 1.3.7, which LinkedIn's share box and many other sites still run: it marks every
// editor it makes data-gramm="false" by itself, whatever the site wants.
import Quill from 'quill1';

for (const el of document.querySelectorAll('.editor')) {
  new Quill(el, { placeholder: 'What do you want to talk about?', modules: { toolbar: false } });
}
