/*
 * The editor's review page: sign in with a JWT (kept in sessionStorage), pick an ingested article,
 * read it with its mentions highlighted beside the proposals, and accept (a) or reject (r) the
 * current one; j and k move between proposals. Every string comes from review.strings.js.
 */
(() => {
  'use strict';
  const i18n = window.I18n.create(window.REVIEW_STRINGS);
  const { t } = i18n;
  const $ = (id) => document.getElementById(id);
  const TOKEN_KEY = 'exemplar-graph.review.token';
  const PAGE = 200;
  /** Longest quote marked in the article text (a name, not a sentence). */
  const MAX_MARK = 80;

  const PROPOSAL_FIELDS = `id kind status storyId textVersion name entityKind relationship
    entity { id name entityKind } from { kind id name entityKind } to { kind id name entityKind } subject { id name }
    candidates { id name entityKind score } properties { name value } flags { code vi en }
    occurrences { start end } evidence { quote { exact prefix suffix } position { start end } confidence reasons { vi en } }
    decision { decidedBy resultId reason }`;
  const QUEUE = `query Queue($status: ProposalStatus, $storyId: ID, $first: Int, $after: String) {
    proposals(status: $status, storyId: $storyId, first: $first, after: $after) {
      nodes { ${PROPOSAL_FIELDS} } totalCount hasNextPage endCursor } }`;
  const STORY = `query Story($id: ID!) { storyForReview(id: $id) { id title url publisher publishedAt text { version text } } }`;
  const ACCEPT = `mutation Accept($id: ID!, $edits: ProposalEdits) { acceptProposal(id: $id, edits: $edits) { proposal { id status } } }`;
  const REJECT = `mutation Reject($id: ID!, $reason: String!) { rejectProposal(id: $id, reason: $reason) { proposal { id status } } }`;
  const INGEST = `mutation Ingest($input: IngestArticleInput!) { ingestArticle(input: $input) {
    story { id } text { version } created revised proposals { id } } }`;

  const state = { token: null, storyId: null, story: null, proposals: [], current: -1 };

  /** One GraphQL request with the editor's token (window.gql, which sends registered ids when the server asks); throws with the code. */
  const gql = (query, variables) => window.gql(query, variables, { token: state.token });

  function say(message) {
    $('status').textContent = message;
  }
  const fail = (error) => say(t('error.generic', { message: error.message }));

  /** The token's subject, read (not verified: the server verifies) for the header. */
  function subjectOf(token) {
    try {
      const payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
      return typeof payload.sub === 'string' ? payload.sub : '?';
    } catch {
      return '?';
    }
  }

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === false || value === null || value === undefined) continue;
      if (name === 'className') node.className = value;
      else node.setAttribute(name, value === true ? '' : value);
    }
    for (const child of children) if (child !== null && child !== undefined) node.append(child);
    return node;
  }

  // ---- sign-in -------------------------------------------------------------------------------

  async function signIn(token) {
    state.token = token.trim();
    try {
      await gql('query Check { proposals(first: 1) { totalCount } }');
    } catch (error) {
      state.token = null;
      sessionStorage.removeItem(TOKEN_KEY);
      showSignIn();
      say(
        error.code === 'UNAUTHENTICATED' || error.code === 'FORBIDDEN'
          ? t('signin.refused')
          : t('error.generic', { message: error.message }),
      );
      return;
    }
    sessionStorage.setItem(TOKEN_KEY, state.token);
    $('signin').hidden = true;
    $('workspace').hidden = false;
    $('who').hidden = false;
    $('signout').hidden = false;
    $('who').textContent = t('signin.signedIn', { who: subjectOf(state.token) });
    await loadStories();
    const wanted = new URLSearchParams(location.search).get('story');
    if (wanted) await openStory(wanted);
  }

  function showSignIn() {
    $('signin').hidden = false;
    $('workspace').hidden = true;
    $('who').hidden = true;
    $('signout').hidden = true;
    $('token').focus();
  }

  // ---- stories and proposals -------------------------------------------------------------------

  async function allProposals(variables) {
    const nodes = [];
    let after = null;
    for (;;) {
      const { proposals } = await gql(QUEUE, { ...variables, first: PAGE, after });
      nodes.push(...proposals.nodes);
      if (!proposals.hasNextPage) return nodes;
      after = proposals.endCursor;
    }
  }

  async function loadStories() {
    const pending = await allProposals({ status: 'PENDING' });
    const counts = new Map();
    for (const p of pending) counts.set(p.storyId, (counts.get(p.storyId) || 0) + 1);
    const list = $('story-list');
    list.replaceChildren();
    if (counts.size === 0) list.append(el('li', { className: 'help' }, t('stories.empty')));
    for (const [id, count] of counts) {
      const { storyForReview: story } = await gql(STORY, { id });
      const link = el('a', { href: `?story=${encodeURIComponent(id)}`, 'data-story': id }, story ? story.title : id, el('br'));
      link.append(el('span', { className: 'meta' }, t('stories.pending', { count })));
      link.addEventListener('click', (event) => {
        event.preventDefault();
        openStory(id).catch(fail);
      });
      list.append(el('li', {}, link));
    }
  }

  async function openStory(id) {
    say(t('loading'));
    const { storyForReview: story } = await gql(STORY, { id });
    state.storyId = id;
    state.story = story;
    state.proposals = await allProposals({ storyId: id });
    const url = new URL(location.href);
    url.searchParams.set('story', id);
    history.replaceState(null, '', url);
    for (const a of document.querySelectorAll('#story-list a')) {
      a.setAttribute('aria-current', a.dataset.story === id ? 'true' : 'false');
    }
    renderArticle();
    renderQueue();
    const firstPending = state.proposals.findIndex((p) => p.status === 'PENDING');
    select(firstPending >= 0 ? firstPending : 0);
    document.body.dataset.story = id;
    say('');
  }

  async function reload() {
    const keep = state.proposals[state.current] && state.proposals[state.current].id;
    state.proposals = await allProposals({ storyId: state.storyId });
    renderArticle();
    renderQueue();
    const index = state.proposals.findIndex((p) => p.id === keep);
    return index;
  }

  // ---- rendering -----------------------------------------------------------------------------

  /** The mentions to highlight: each proposal's occurrences (links, new entities) or its quote (dates), without overlaps. */
  function mentionRanges() {
    const ranges = [];
    for (const p of state.proposals) {
      if (p.kind === 'RELATIONSHIP') continue;
      const spans = p.occurrences.length > 0 ? p.occurrences : [p.evidence.position];
      // An event matched by its place and date quotes whole sentences: not a mention to mark (its card quotes it).
      for (const span of spans) {
        if (span.end - span.start <= MAX_MARK) ranges.push({ start: span.start, end: span.end, proposal: p });
      }
    }
    ranges.sort((a, b) => a.start - b.start || b.end - a.end);
    const kept = [];
    let end = -1;
    for (const range of ranges) {
      if (range.start >= end) {
        kept.push(range);
        end = range.end;
      }
    }
    return kept;
  }

  function renderArticle() {
    const story = state.story;
    $('article-title').textContent = story ? story.title : '';
    $('article-title').hidden = !story;
    const container = $('article-text');
    container.replaceChildren();
    if (!story || !story.text) {
      $('article-meta').textContent = t('article.none');
      return;
    }
    $('article-meta').textContent = t('article.meta', {
      publisher: story.publisher || '',
      date: i18n.date(story.publishedAt || ''),
      version: story.text.version,
    });
    const text = story.text.text;
    let at = 0;
    for (const range of mentionRanges()) {
      container.append(text.slice(at, range.start));
      const p = range.proposal;
      const classes = [p.kind === 'NEW_ENTITY' ? 'new' : p.kind === 'DATE' ? 'date' : 'link'];
      if (p.status === 'REJECTED') classes.push('rejected');
      else if (p.status !== 'PENDING') classes.push('decided');
      container.append(el('mark', { className: classes.join(' '), 'data-proposal': p.id }, text.slice(range.start, range.end)));
      at = range.end;
    }
    container.append(text.slice(at));
  }

  const kindName = (entityKind) => (entityKind ? t(`entity.${entityKind}`) : '');
  function endName(end) {
    if (!end) return '?';
    if (end.kind === 'STORY') return t('end.STORY');
    return end.name || end.id;
  }

  function summary(p) {
    switch (p.kind) {
      case 'LINK':
        return `${p.name} (${kindName(p.entityKind)})`;
      case 'AMBIGUOUS':
        return `“${p.name}”`;
      case 'NEW_ENTITY':
        return `${p.name} (${kindName(p.entityKind)})`;
      case 'RELATIONSHIP': {
        const role = p.properties.find((x) => x.name === 'role');
        return `${endName(p.from)} → ${t(`rel.${p.relationship}`)} → ${endName(p.to)}${role ? ` · ${t('proposal.role', { role: role.value })}` : ''}`;
      }
      case 'DATE':
        return `${t('proposal.date', { date: i18n.date(p.date) })}${p.subject ? ` · ${t('proposal.of', { name: p.subject.name || p.subject.id })}` : ''}`;
      default:
        return '';
    }
  }

  function card(p, index) {
    const item = el('li', {
      className: 'proposal',
      id: `proposal-${index}`,
      tabindex: '-1',
      'data-id': p.id,
      'data-kind': p.kind,
      'data-status': p.status,
    });
    const heading = el(
      'p',
      {},
      el('span', { className: 'badge' }, t(`kind.${p.kind}`)),
      el('span', { className: `badge status-${p.status}` }, t(`status.${p.status}`)),
      el('strong', {}, summary(p)),
    );
    const quote = p.evidence.quote;
    const lang = i18n.lang === 'en' ? 'en' : 'vi';
    item.append(
      heading,
      el('p', { className: 'quote' }, `…${quote.prefix}`, el('b', {}, quote.exact), `${quote.suffix}…`),
      el('p', { className: 'meta' }, t('proposal.confidence', { value: i18n.number(p.evidence.confidence) })),
      el('ul', { className: 'reasons' }, ...p.evidence.reasons.map((r) => el('li', {}, r[lang]))),
    );
    for (const flag of p.flags) item.append(el('p', { className: 'flag', role: 'note' }, `⚠ ${flag[lang]}`));
    if (p.kind === 'AMBIGUOUS' && p.status === 'PENDING') {
      const choices = el('fieldset', {}, el('legend', {}, t('proposal.choose')));
      p.candidates.forEach((c, i) => {
        const id = `choice-${index}-${i}`;
        choices.append(
          el(
            'div',
            {},
            el('input', { type: 'radio', name: `choice-${index}`, id, value: c.id }),
            ' ',
            el('label', { for: id }, `${c.name} (${c.id}, ${i18n.number(c.score)})`),
          ),
        );
      });
      item.append(choices);
    }
    if (p.flags.some((f) => f.code === 'ISSUER_MAY_NOT_CONFER') && p.status === 'PENDING') {
      const id = `override-${index}`;
      item.append(
        el(
          'p',
          {},
          el('input', { type: 'checkbox', id, 'data-override': 'true' }),
          ' ',
          el('label', { for: id }, t('proposal.override')),
        ),
      );
    }
    if (p.decision && p.status === 'REJECTED' && p.decision.reason) {
      item.append(el('p', { className: 'meta' }, t('proposal.reason', { reason: p.decision.reason })));
    }
    if (p.status === 'PENDING') {
      const accept = el('button', { type: 'button', className: 'primary', 'aria-keyshortcuts': 'a' }, t('action.accept'));
      const reject = el('button', { type: 'button', className: 'danger', 'aria-keyshortcuts': 'r' }, t('action.reject'));
      accept.addEventListener('click', () => {
        select(index, false);
        acceptCurrent().catch(fail);
      });
      reject.addEventListener('click', () => {
        select(index, false);
        rejectCurrent();
      });
      item.append(el('div', { className: 'actions' }, accept, reject));
    }
    item.addEventListener('focus', () => select(index, false));
    return item;
  }

  function renderQueue() {
    const list = $('proposal-list');
    list.replaceChildren(...state.proposals.map(card));
    const pending = state.proposals.filter((p) => p.status === 'PENDING').length;
    $('queue-count').textContent =
      state.proposals.length === 0 ? t('queue.empty') : t('queue.count', { pending, total: state.proposals.length });
  }

  function select(index, focus = true) {
    if (state.proposals.length === 0) return;
    const next = Math.max(0, Math.min(state.proposals.length - 1, index));
    state.current = next;
    document
      .querySelectorAll('#proposal-list .proposal')
      .forEach((node, i) => node.setAttribute('aria-current', i === next ? 'true' : 'false'));
    const p = state.proposals[next];
    let first = null;
    document.querySelectorAll('#article-text mark').forEach((mark) => {
      const related =
        mark.dataset.proposal === p.id ||
        [p.from, p.to, p.subject].some((end) => end && marksOf(end).includes(mark.dataset.proposal));
      mark.classList.toggle('current', related);
      if (related && !first) first = mark;
    });
    // Keep the quoted mention in sight in the article column.
    if (first) first.scrollIntoView({ block: 'nearest' });
    const node = $(`proposal-${next}`);
    if (node && focus) {
      node.focus();
      node.scrollIntoView({ block: 'nearest' });
    }
    document.body.dataset.current = p.id;
  }

  /** The proposals whose mentions stand for a relationship's end (the link to an entity, or the new entity's proposal). */
  function marksOf(end) {
    return state.proposals
      .filter((q) => (end.kind === 'PROPOSAL' ? q.id === end.id : q.kind === 'LINK' && q.entity && q.entity.id === end.id))
      .map((q) => q.id);
  }

  // ---- decisions -----------------------------------------------------------------------------

  function nextPending(from) {
    for (let i = from + 1; i < state.proposals.length; i += 1) if (state.proposals[i].status === 'PENDING') return i;
    return from;
  }

  async function acceptCurrent() {
    const p = state.proposals[state.current];
    if (!p || p.status !== 'PENDING') return;
    const node = $(`proposal-${state.current}`);
    const edits = {};
    if (p.kind === 'AMBIGUOUS') {
      const chosen = node.querySelector('input[type="radio"]:checked');
      if (!chosen) {
        say(t('error.chooseFirst'));
        return;
      }
      edits.targetId = chosen.value;
    }
    const override = node.querySelector('input[data-override]');
    if (override && override.checked) edits.overrideConferral = true;
    await gql(ACCEPT, { id: p.id, edits: Object.keys(edits).length > 0 ? edits : null });
    const index = await reload();
    say(t('done.accepted', { what: summary(p) }));
    select(nextPending(index));
  }

  function rejectCurrent() {
    const p = state.proposals[state.current];
    if (!p || p.status !== 'PENDING') return;
    $('reject-reason').value = '';
    $('reject-dialog').showModal();
    $('reject-reason').focus();
  }

  async function submitReject() {
    const p = state.proposals[state.current];
    const reason = $('reject-reason').value.trim();
    if (!p || reason === '') return;
    $('reject-dialog').close();
    await gql(REJECT, { id: p.id, reason });
    const index = await reload();
    say(t('done.rejected', { what: summary(p) }));
    select(nextPending(index));
  }

  async function ingest(event) {
    event.preventDefault();
    const input = {
      url: $('ingest-url').value,
      title: $('ingest-title').value,
      publisher: $('ingest-publisher').value,
      publishedAt: $('ingest-date').value,
      text: $('ingest-text').value,
    };
    say(t('loading'));
    const { ingestArticle: result } = await gql(INGEST, { input });
    await loadStories();
    await openStory(result.story.id);
    say(
      result.created
        ? t('ingest.done', { count: result.proposals.length })
        : result.revised
          ? t('ingest.revised', { version: result.text.version })
          : t('ingest.same'),
    );
  }

  // ---- wiring --------------------------------------------------------------------------------

  function onKey(event) {
    if (event.altKey || event.ctrlKey || event.metaKey || $('workspace').hidden || $('reject-dialog').open) return;
    const target = event.target;
    if (target && (target.closest('input, textarea, select, summary, [contenteditable]') || target.tagName === 'BUTTON')) {
      if (!(target.tagName === 'BUTTON' && target.closest('.proposal'))) return;
    }
    const actions = {
      j: () => select(state.current + 1),
      k: () => select(state.current - 1),
      a: () => acceptCurrent().catch(fail),
      r: () => rejectCurrent(),
    };
    const action = actions[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  }

  i18n.apply();
  $('lang').addEventListener('click', () => i18n.switchTo(i18n.lang === 'vi' ? 'en' : 'vi'));
  $('signin-form').addEventListener('submit', (event) => {
    event.preventDefault();
    signIn($('token').value).catch(fail);
  });
  $('signout').addEventListener('click', () => {
    sessionStorage.removeItem(TOKEN_KEY);
    state.token = null;
    showSignIn();
  });
  $('ingest-form').addEventListener('submit', (event) => ingest(event).catch(fail));
  $('reject-form').addEventListener('submit', (event) => {
    event.preventDefault();
    submitReject().catch(fail);
  });
  $('reject-cancel').addEventListener('click', () => $('reject-dialog').close());
  document.addEventListener('keydown', onKey);

  const saved = sessionStorage.getItem(TOKEN_KEY);
  if (saved) signIn(saved).catch(fail);
  else showSignIn();
  window.review = { state };
})();
