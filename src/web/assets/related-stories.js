/*
 * <script src="https://api.example.vn/widget/related-stories.js" async></script>
 * <related-stories></related-stories>
 *
 * An embeddable list of stories related to a page of a news site, read from exemplar-graph.
 * Keyed by (first given wins): `entity="event:…"`; `url="https://…"` (the story ingested from that
 * URL); else the page's <link rel="canonical">, else its address. Other attributes: `limit` (1–20,
 * 5 by default), `lang` ("en" for English; else the page's <html lang>; Vietnamese by default),
 * `heading` (replaces the heading's text), `heading-level` (2–6, 2 by default), `timeout` (ms, 8000).
 *
 * It reads GET /widget/related-stories from the script's own origin only once it scrolls into view,
 * never blocks the page, and leaves a quiet empty state (data-state="empty") when there is nothing
 * to show, the API is slow or fails. It counts impressions (a story at least half visible for one
 * continuous second) and clicks by position, as anonymous aggregate counts (POST /widget/events:
 * no cookie, no identifier, nothing about the reader), and sends none when the browser asks not to
 * be tracked (Do Not Track, Global Privacy Control).
 *
 * Theming: the custom properties below (STYLE) and the parts container, heading, list, item, link,
 * meta, why and empty. Shadow DOM keeps the host page's CSS out otherwise. No framework, no build.
 */
(() => {
  const scriptUrl = document.currentScript ? new URL(document.currentScript.src) : new URL(location.href);
  const readEndpoint = new URL('/widget/related-stories', scriptUrl);
  const eventsEndpoint = new URL('/widget/events', scriptUrl);

  /** Every string a reader sees, Vietnamese first. */
  const STRINGS = {
    vi: {
      heading: 'Tin bài liên quan',
      empty: 'Chưa có tin bài liên quan.',
      newTab: '(mở trong thẻ mới)',
    },
    en: {
      heading: 'Related stories',
      empty: 'No related stories yet.',
      newTab: '(opens in a new tab)',
    },
  };
  const LOCALES = { vi: 'vi-VN', en: 'en-GB' };

  /** An impression: at least this share of the item visible … */
  const VISIBLE_SHARE = 0.5;
  /** … for this long without interruption. */
  const VISIBLE_MS = 1000;
  /** Counts wait this long for others to share one request (a click is sent at once). */
  const FLUSH_MS = 2000;

  // Defaults meet WCAG AA on a white background: text 15.6:1, muted 5.9:1, accent 6.6:1.
  const STYLE = `
    :host {
      display: block;
      min-height: 1px;
      color: var(--related-stories-color, #1d232b);
      background: var(--related-stories-background, transparent);
      font: var(--related-stories-font-size, 14px) / 1.45 var(--related-stories-font, system-ui, sans-serif);
    }
    :host([hidden]) { display: none; }
    h2, h3, h4, h5, h6 { font-size: var(--related-stories-heading-size, 15px); margin: 0 0 8px; }
    ol { list-style: none; margin: 0; padding: 0; }
    li { padding: var(--related-stories-gap, 8px) 0; border-top: 1px solid var(--related-stories-border, #e3e6ea); }
    a { color: var(--related-stories-accent, #0b5cad); text-decoration: none; font-weight: 600; border-radius: 2px; }
    a:hover { text-decoration: underline; }
    a:focus-visible { outline: 3px solid var(--related-stories-focus, #0b5cad); outline-offset: 2px; text-decoration: underline; }
    .meta, .why { color: var(--related-stories-muted, #5c6670); font-size: 12px; }
    .why { font-style: italic; }
    .quiet { color: var(--related-stories-muted, #5c6670); font-size: 13px; margin: 0; }
    .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  `;

  const el = (tag, attrs, text) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    return node;
  };

  /** The browser asks not to be tracked: the widget then counts nothing. */
  const trackingRefused = () =>
    navigator.doNotTrack === '1' || window.doNotTrack === '1' || navigator.globalPrivacyControl === true;

  /** Given a story's day (YYYY-MM-DD) or period (YYYY-MM or YYYY) and a locale, returns it as that locale writes it. */
  function formatWhen(story, locale) {
    const text = story.publishedAt || story.publishedPeriod || '';
    const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
    if (!m) return { text, datetime: '' };
    const [, y, mo, d] = m;
    const options = d
      ? { day: 'numeric', month: 'long', year: 'numeric' }
      : mo
        ? { month: 'long', year: 'numeric' }
        : { year: 'numeric' };
    const date = Date.UTC(Number(y), Number(mo || 1) - 1, Number(d || 1));
    return { text: new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(date), datetime: text };
  }

  class RelatedStories extends HTMLElement {
    static get observedAttributes() {
      return ['entity', 'url', 'limit', 'lang', 'heading'];
    }

    constructor() {
      super();
      this.attachShadow({ mode: 'open' });
      this.controller = undefined;
      this.viewObserver = undefined;
      this.itemObserver = undefined;
      this.visible = new Map();
      this.timers = new Map();
      this.queue = [];
      this.flushTimer = undefined;
      this.source = null;
      this.stories = [];
      this.emptyBecause = undefined;
      this.counted = new Set();
      this.onVisibility = () => this.visibilityChanged();
      this.onPageHide = () => this.flush();
    }

    connectedCallback() {
      document.addEventListener('visibilitychange', this.onVisibility);
      window.addEventListener('pagehide', this.onPageHide);
      this.waitUntilSeen();
    }

    disconnectedCallback() {
      document.removeEventListener('visibilitychange', this.onVisibility);
      window.removeEventListener('pagehide', this.onPageHide);
      this.viewObserver?.disconnect();
      this.controller?.abort();
      this.stopCounting();
      this.flush();
    }

    attributeChangedCallback(name, before, after) {
      if (!this.isConnected || before === after) return;
      if (name !== 'lang' && name !== 'heading') this.waitUntilSeen();
      else if (this.dataset.state === 'loaded' || this.dataset.state === 'empty') this.render();
    }

    /** 'vi' or 'en': the element's lang, else the page's, Vietnamese unless it is English. */
    get language() {
      const lang = (this.getAttribute('lang') || document.documentElement.lang || 'vi').toLowerCase();
      return lang === 'en' || lang.startsWith('en-') ? 'en' : 'vi';
    }

    /** Loads once the element comes near the viewport (all at once where IntersectionObserver is missing). */
    waitUntilSeen() {
      this.viewObserver?.disconnect();
      this.controller?.abort();
      this.stopCounting();
      // Counts already made belong to the list they were made on: send them before it changes.
      this.flush();
      this.dataset.state = 'idle';
      if (!('IntersectionObserver' in window)) return void this.load();
      this.viewObserver = new IntersectionObserver(
        (entries) => {
          if (!entries.some((entry) => entry.isIntersecting)) return;
          this.viewObserver.disconnect();
          this.load();
        },
        { rootMargin: '200px 0px' },
      );
      this.viewObserver.observe(this);
    }

    /** The read's query: entity, else the given URL, else the page's canonical URL or address. */
    query() {
      const query = new URLSearchParams({ limit: this.getAttribute('limit') || '5' });
      const entity = this.getAttribute('entity');
      if (entity) query.set('entity', entity);
      else {
        const canonical = document.querySelector('link[rel="canonical"][href]');
        query.set('url', this.getAttribute('url') || canonical?.href || location.href);
      }
      return query;
    }

    async load() {
      this.controller?.abort();
      const controller = new AbortController();
      this.controller = controller;
      const timeout = Number(this.getAttribute('timeout')) || 8000;
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, timeout);
      this.dataset.state = 'loading';
      this.setAttribute('aria-busy', 'true');
      try {
        const url = new URL(readEndpoint);
        url.search = this.query().toString();
        const response = await fetch(url, {
          signal: controller.signal,
          credentials: 'omit',
          headers: { accept: 'application/json' },
        });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const body = await response.json();
        this.show(body.entity || null, Array.isArray(body.stories) ? body.stories : [], undefined);
      } catch {
        // Slow, failed or refused: the page shows nothing broken, only the quiet empty state.
        if (controller === this.controller && (timedOut || !controller.signal.aborted)) {
          this.show(null, [], timedOut ? 'timeout' : 'error');
        }
      } finally {
        clearTimeout(timer);
        if (controller === this.controller) this.removeAttribute('aria-busy');
      }
    }

    /** Shows what a read answered: the source entity (null for an unknown page), its stories, or why there are none. */
    show(source, stories, emptyBecause) {
      this.source = source;
      this.stories = stories;
      this.emptyBecause = emptyBecause;
      this.counted = new Set();
      this.render();
    }

    render() {
      this.stopCounting();
      const lang = this.language;
      const t = STRINGS[lang];
      const root = this.shadowRoot;
      const container = el('div', { part: 'container', lang });
      root.replaceChildren(el('style', {}, STYLE), container);
      if (this.stories.length === 0) {
        this.dataset.state = 'empty';
        this.dataset.empty = this.emptyBecause || (this.source ? 'none' : 'unknown');
        container.append(el('p', { class: 'quiet', part: 'empty' }, t.empty));
        return;
      }
      this.dataset.state = 'loaded';
      delete this.dataset.empty;
      const level = Math.min(6, Math.max(2, Number(this.getAttribute('heading-level')) || 2));
      const heading = el(`h${level}`, { part: 'heading', id: 'heading' }, this.getAttribute('heading') || t.heading);
      const list = el('ol', { part: 'list', 'aria-labelledby': 'heading' });
      this.stories.forEach((story, index) => {
        const position = index + 1;
        const item = el('li', { part: 'item', 'data-story': story.id, 'data-position': String(position) });
        if (story.url) {
          const link = el('a', { part: 'link', href: story.url, target: '_blank', rel: 'noopener' }, story.title);
          link.append(' ', el('span', { class: 'sr' }, t.newTab));
          // Middle clicks open the story too; right clicks (a menu) do not count.
          const clicked = (event) => {
            if (event.type === 'auxclick' && event.button !== 1) return;
            this.count(story.id, position, 'CLICK');
            this.flush();
          };
          link.addEventListener('click', clicked);
          link.addEventListener('auxclick', clicked);
          item.append(link);
        } else {
          item.append(el('strong', { part: 'link' }, story.title));
        }
        const when = formatWhen(story, LOCALES[lang]);
        const meta = el('div', { class: 'meta', part: 'meta' });
        if (story.publisher) meta.append(story.publisher);
        if (story.publisher && when.text) meta.append(' · ');
        if (when.text) meta.append(when.datetime ? el('time', { datetime: when.datetime }, when.text) : when.text);
        item.append(meta);
        if (story.why) item.append(el('div', { class: 'why', part: 'why' }, story.why));
        list.append(item);
      });
      container.append(heading, list);
      this.startCounting(list);
    }

    /** Watches each item: an impression once it stays at least half visible for one second. */
    startCounting(list) {
      if (!this.source || trackingRefused() || !('IntersectionObserver' in window)) return;
      this.itemObserver = new IntersectionObserver(
        (entries) => {
          for (const entry of entries) {
            this.visible.set(entry.target, entry.intersectionRatio >= VISIBLE_SHARE);
            this.updateTimer(entry.target);
          }
        },
        { threshold: [0, VISIBLE_SHARE, 1] },
      );
      for (const item of list.children) {
        if (!this.counted.has(item.dataset.position)) this.itemObserver.observe(item);
      }
    }

    stopCounting() {
      this.itemObserver?.disconnect();
      this.itemObserver = undefined;
      for (const timer of this.timers.values()) clearTimeout(timer);
      this.timers.clear();
      this.visible.clear();
    }

    updateTimer(item) {
      const showing = this.visible.get(item) === true && document.visibilityState === 'visible';
      if (!showing) {
        clearTimeout(this.timers.get(item));
        this.timers.delete(item);
        return;
      }
      if (this.timers.has(item)) return;
      this.timers.set(
        item,
        setTimeout(() => {
          this.timers.delete(item);
          this.visible.delete(item);
          this.itemObserver?.unobserve(item);
          this.counted.add(item.dataset.position);
          this.count(item.dataset.story, Number(item.dataset.position), 'IMPRESSION');
        }, VISIBLE_MS),
      );
    }

    visibilityChanged() {
      for (const item of this.visible.keys()) this.updateTimer(item);
      if (document.visibilityState === 'hidden') this.flush();
    }

    count(storyId, position, kind) {
      if (!this.source || trackingRefused()) return;
      this.queue.push({ storyId, position, kind });
      if (this.flushTimer === undefined) this.flushTimer = setTimeout(() => this.flush(), FLUSH_MS);
    }

    /** Sends the counts waiting: a simple text/plain POST (no preflight) that outlives the page, without cookies. */
    flush() {
      clearTimeout(this.flushTimer);
      this.flushTimer = undefined;
      if (this.queue.length === 0 || !this.source) return;
      const body = JSON.stringify({ source: this.source, events: this.queue.splice(0, 40) });
      fetch(eventsEndpoint, {
        method: 'POST',
        body,
        keepalive: true,
        credentials: 'omit',
        mode: 'no-cors',
        headers: { 'content-type': 'text/plain;charset=UTF-8' },
      }).catch(() => undefined);
      if (this.queue.length > 0) this.flush();
    }
  }

  if (!customElements.get('related-stories')) customElements.define('related-stories', RelatedStories);
})();
