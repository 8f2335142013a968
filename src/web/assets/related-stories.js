/*
 * <related-stories entity="event:pai-lung-sinkhole-rescue-2023" limit="5"></related-stories>
 *
 * An embeddable list of stories related to one entity of exemplar-graph. Served by the API at
 * /widget/related-stories.js; it reads GET /widget/related-stories?entity=…&limit=… from the same
 * origin as the script (a cacheable JSON read: ETag and Cache-Control), renders title, publisher,
 * date and why each story is related, in Shadow DOM so the host page's CSS cannot reach it.
 * Theming: --related-stories-accent, --related-stories-font. No framework, no build step.
 */
(() => {
  const scriptUrl = document.currentScript ? new URL(document.currentScript.src) : new URL(location.href);
  const endpoint = new URL('/widget/related-stories', scriptUrl);

  const STYLE = `
    :host { display: block; font: 14px/1.4 var(--related-stories-font, system-ui, sans-serif); color: #1d232b; }
    h2 { font-size: 15px; margin: 0 0 8px; }
    ol { list-style: none; margin: 0; padding: 0; }
    li { padding: 8px 0; border-top: 1px solid #e3e6ea; }
    a { color: var(--related-stories-accent, #0b5cad); text-decoration: none; font-weight: 600; }
    a:hover { text-decoration: underline; }
    .meta { color: #5c6670; font-size: 12px; }
    .why { color: #3c454e; font-size: 12px; font-style: italic; }
    .quiet { color: #8a939c; font-size: 13px; }
  `;

  const el = (tag, attrs, text) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    return node;
  };

  class RelatedStories extends HTMLElement {
    static get observedAttributes() {
      return ['entity', 'limit'];
    }

    constructor() {
      super();
      this.attachShadow({ mode: 'open' });
      this.controller = undefined;
    }

    connectedCallback() {
      this.load();
    }
    attributeChangedCallback() {
      if (this.isConnected) this.load();
    }
    disconnectedCallback() {
      this.controller?.abort();
    }

    async load() {
      const entity = this.getAttribute('entity');
      if (!entity) return this.renderMessage('');
      this.controller?.abort();
      this.controller = new AbortController();
      const url = new URL(endpoint);
      url.searchParams.set('entity', entity);
      url.searchParams.set('limit', this.getAttribute('limit') || '5');
      this.setAttribute('aria-busy', 'true');
      try {
        const response = await fetch(url, { signal: this.controller.signal, headers: { accept: 'application/json' } });
        const body = await response.json();
        if (!response.ok) throw new Error(body.message || response.statusText);
        this.render(body.stories || []);
      } catch (error) {
        if (error.name !== 'AbortError') this.renderMessage('Related stories are unavailable right now.', 'error');
      } finally {
        this.removeAttribute('aria-busy');
      }
    }

    frame() {
      const root = this.shadowRoot;
      root.replaceChildren(el('style', {}, STYLE));
      return root;
    }

    renderMessage(text, state = 'empty') {
      this.dataset.state = state;
      const root = this.frame();
      if (text) root.append(el('p', { class: 'quiet', part: 'empty' }, text));
    }

    render(stories) {
      if (stories.length === 0) return this.renderMessage('No related stories yet.');
      this.dataset.state = 'loaded';
      const root = this.frame();
      root.append(el('h2', { part: 'heading' }, this.getAttribute('heading') || 'Related stories'));
      const list = el('ol', { part: 'list' });
      for (const story of stories) {
        const item = el('li', { part: 'item', 'data-story': story.id });
        item.append(
          story.url
            ? el('a', { href: story.url, target: '_blank', rel: 'noopener' }, story.title)
            : el('strong', {}, story.title),
        );
        const when = story.publishedAt || story.publishedPeriod || '';
        item.append(el('div', { class: 'meta' }, [story.publisher, when].filter(Boolean).join(' · ')));
        if (story.why) item.append(el('div', { class: 'why' }, story.why));
        list.append(item);
      }
      root.append(list);
    }
  }

  if (!customElements.get('related-stories')) customElements.define('related-stories', RelatedStories);
})();
