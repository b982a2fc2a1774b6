// LinkedIn's share box: Quill, mounted inside the open shadow root of #interop-outlet.
import Quill from 'quill';

const root = document.getElementById('interop-outlet').attachShadow({ mode: 'open' });
root.innerHTML = `<link rel="stylesheet" href="/pages/quill.css">
<style>
.share-box { width: 560px; margin: 24px auto; background: #fff; border-radius: 8px; padding: 16px; }
#composer { min-height: 120px; font-size: 16px; }
.share-actions__primary-action { background: #0a66c2; color: #fff; border: 0; border-radius: 16px; padding: 6px 16px; }
</style>
<div class="share-box">
  <div class="editor-container"><div id="composer"></div></div>
  <button class="share-actions__primary-action" type="button">Post</button>
</div>`;
new Quill(root.getElementById('composer'), { placeholder: 'What do you want to talk about?', modules: { toolbar: false } });
