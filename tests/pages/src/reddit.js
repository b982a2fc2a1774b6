// Reddit's comment composer: <shreddit-composer> is a custom element whose open shadow root
// lays out slots; the Lexical box itself is a light-DOM child in slot="rte" and the submit
// button one in slot="submit-button". Pressing it posts: the site empties the box.
import './lexical-boxes.js';

class ShredditComposer extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    this.attachShadow({ mode: 'open' }).innerHTML = `<style>
      :host { display: block; border: 1px solid #ccc; border-radius: 20px; padding: 8px 12px; margin: 8px 0; }
      .actions { display: flex; justify-content: flex-end; gap: 8px; }
    </style>
    <slot name="rte"></slot>
    <div class="actions"><slot name="cancel-button"></slot><slot name="submit-button"></slot></div>`;
    this.querySelector('[slot="submit-button"]')?.addEventListener('click', () => {
      window.sociableTestPage.clear(this.querySelector('[slot="rte"]'));
    });
  }
}
customElements.define('shreddit-composer', ShredditComposer);
