// YouTube shows a placeholder until clicked, then swaps in a plain contenteditable: the box
// appears after the page loaded, as on the site.
const placeholder = document.getElementById('placeholder-area');
placeholder.addEventListener('click', () => {
  setTimeout(() => {
    const box = document.createElement('div');
    box.id = 'contenteditable-root';
    box.contentEditable = 'true';
    box.setAttribute('aria-label', 'Add a comment...');
    document.getElementById('commentbox').replaceChild(box, placeholder);
    box.focus();
  }, 50);
});
