// YouTube shows a placeholder until clicked, then swaps in ytd-commentbox with a plain
// contenteditable: the box appears after the page loaded, as on the site. Its submit button
// posts the comment and puts the placeholder back; Reply opens a box inside the comment.

function commentBox(label, onSubmit) {
  const box = document.createElement('ytd-commentbox');
  box.innerHTML = `<div id="main"><yt-formatted-string id="contenteditable-textarea">
      <div id="contenteditable-root" contenteditable="true" aria-label="${label}"></div>
    </yt-formatted-string></div>
    <div id="footer"><div id="buttons">
      <ytd-button-renderer id="cancel-button"><button type="button">Cancel</button></ytd-button-renderer>
      <ytd-button-renderer id="submit-button"><yt-button-shape><button type="button">Comment</button></yt-button-shape></ytd-button-renderer>
    </div></div>`;
  box.querySelector('#submit-button button').addEventListener('click', () => setTimeout(onSubmit, 50));
  return box;
}

const placeholder = document.getElementById('placeholder-area');
placeholder.addEventListener('click', () => {
  setTimeout(() => {
    const simplebox = placeholder.parentElement;
    const box = commentBox('Add a comment...', () => box.replaceWith(simplebox));
    simplebox.replaceWith(box);
    box.querySelector('#contenteditable-root').focus();
  }, 50);
});

document.getElementById('reply-button-end').addEventListener('click', () => {
  const dialog = document.getElementById('reply-dialog');
  const box = commentBox('Add a reply...', () => box.remove());
  box.id = 'reply-box';
  dialog.append(box);
  box.querySelector('#contenteditable-root').focus();
});
