/*
 * The analyst's explorer: opens on the most central exemplars (or ?focus=<id>, a shared #v=<state>,
 * or a saved ?view=<id>), expands neighbourhoods (influenceNetwork), rescored as one view
 * (viewNetwork); filters by time (ExploreTime), kind, confidence, field and province; styles by a
 * measure; undo and redo; the whole state in the URL; named views on the server; exports.
 */
(() => {
  const i18n = I18n.create(window.ExploreStrings);
  const { t } = i18n;
  i18n.apply();
  const $ = (id) => document.getElementById(id);
  const KINDS = ['PERSON', 'COLLECTIVE', 'AGENCY', 'FIELD', 'EVENT', 'AWARD', 'MOVEMENT', 'STORY', 'PLACE'];
  const CONFIDENCES = ['CONFIRMED', 'SINGLE_SOURCE', 'UNVERIFIED'];
  const THIS_YEAR = new Date().getFullYear();

  const langButton = $('lang');
  langButton.lang = i18n.lang === 'vi' ? 'en' : 'vi';
  langButton.addEventListener('click', () => i18n.switchTo(langButton.lang));

  const NODE_FIELDS = `id kind name degree pageRank betweenness community start end confidence
    fields provinces { then { id } now { id } }`;
  const NETWORK = `query Net($ids: [ID!], $depth: Int, $limit: Int) {
    influenceNetwork(ids: $ids, depth: $depth, limit: $limit) { nodes { id } } }`;
  const VIEW = `query View($ids: [ID!]!) { viewNetwork(ids: $ids) { missing
    network { engine truncated communityCount nodes { ${NODE_FIELDS} } edges { from to type start end confidence } } } }`;

  const cy = cytoscape({
    container: $('graph'),
    style: ExploreStyle.stylesheet,
    layout: { name: 'grid' },
    wheelSensitivity: 0.3,
  });
  const steps = ExploreHistory.createHistory(50);
  /** Everything the view ever held, by id, so undo and redo need no request. */
  const nodeData = new Map();
  const edgeData = new Map();
  const view = {
    fromYear: 2000,
    toYear: THIS_YEAR,
    hierarchy: 'auto',
    hiddenKinds: new Set(),
    hiddenConfidence: new Set(),
    field: '',
    province: '',
    measure: 'pageRank',
  };
  let bounds = { min: 2000, max: THIS_YEAR };
  /** The first and last years of the dated facts in the view. */
  let span = null;
  let engine = '';
  let communityCount = 0;
  window.explorer = { cy, view };

  function setStatus(text) {
    $('status').textContent = text;
  }

  function fail(error) {
    setStatus(t('status.error', { message: error.message }));
  }

  function datesOf(d) {
    if (!d.start && !d.end) return t('selected.undated');
    return [d.start, d.end]
      .map((x) => (x ? i18n.date(x) : '…'))
      .join(' – ')
      .replace(/ – …$/, '');
  }

  // ---- the graph and its data -------------------------------------------------------------

  /** Given a viewNetwork answer and positions for new nodes, makes the canvas hold exactly its nodes and edges. */
  function applyNetwork(network, positionOf) {
    engine = network.engine;
    communityCount = network.communityCount;
    const keep = new Set(network.nodes.map((n) => n.id));
    cy.batch(() => {
      cy.nodes()
        .filter((n) => !keep.has(n.id()))
        .remove();
      for (const n of network.nodes) {
        nodeData.set(n.id, n);
        const existing = cy.getElementById(n.id);
        if (existing.nonempty()) existing.data(n);
        else cy.add({ group: 'nodes', data: { size: 20, colour: '#44505c', ...n }, position: positionOf(n.id) });
      }
      for (const e of network.edges) {
        const id = `${e.from}|${e.type}|${e.to}`;
        const data = {
          id,
          source: e.from,
          target: e.to,
          type: e.type,
          label: t(`rel.${e.type}`),
          start: e.start,
          end: e.end,
          confidence: e.confidence,
        };
        edgeData.set(id, data);
        if (cy.getElementById(id).empty()) cy.add({ group: 'edges', data });
      }
    });
    const found = ExploreTime.yearSpan(network.nodes, network.edges);
    if (found) {
      // The years follow the facts shown unless the reader moved them: a bound left at the old span's end moves with it.
      const old = span;
      span = found;
      if (!old || view.fromYear === old.min) view.fromYear = span.min;
      if (!old || view.toYear === old.max) view.toYear = span.max;
    }
    // The slider reaches at least ten years back, so a view of recent facts can still be moved to before them.
    bounds = {
      min: Math.min(span ? span.min : THIS_YEAR, view.fromYear, THIS_YEAR - 10),
      max: Math.max(THIS_YEAR, span ? span.max : THIS_YEAR, view.toYear),
    };
    setYearInputs();
  }

  async function rescore(ids, positionOf) {
    const { viewNetwork } = await gql(VIEW, { ids });
    applyNetwork(viewNetwork.network, positionOf);
    return viewNetwork;
  }

  function layout(fit) {
    const running = cy.layout({
      name: 'cose',
      animate: false,
      randomize: false,
      nodeRepulsion: () => 9000,
      idealEdgeLength: () => 70,
      fit,
    });
    running.run();
  }

  async function expand(id) {
    const name = nodeData.get(id)?.name ?? id;
    setStatus(t('status.expanding', { name }));
    try {
      const { influenceNetwork: net } = await gql(NETWORK, { ids: [id], depth: 1, limit: 60 });
      const ids = [...new Set([...cy.nodes().map((n) => n.id()), ...net.nodes.map((n) => n.id)])];
      const origin = cy.getElementById(id).nonempty() ? cy.getElementById(id).position() : { x: 0, y: 0 };
      let k = 0;
      await rescore(ids, () => {
        k += 1;
        return { x: origin.x + 60 * Math.cos(k), y: origin.y + 60 * Math.sin(k) };
      });
      layout(true);
      record();
      document.body.dataset.expanded = [document.body.dataset.expanded, id].filter(Boolean).join(' ');
      refresh();
    } catch (error) {
      fail(error);
    }
  }

  // ---- what is shown ----------------------------------------------------------------------

  function reading() {
    return ExploreTime.hierarchyReading(view);
  }

  function nodePasses(d) {
    if (view.hiddenKinds.has(d.kind)) return false;
    if (d.confidence && view.hiddenConfidence.has(d.confidence)) return false;
    if (view.field && !(d.fields || []).includes(view.field)) return false;
    if (view.province) {
      const provinces = d.provinces || { then: [], now: [] };
      const lists =
        reading() === 'now' ? [provinces.now] : reading() === 'then' ? [provinces.then] : [provinces.then, provinces.now];
      if (!lists.some((list) => list.some((p) => p.id === view.province))) return false;
    }
    return ExploreTime.nodeVisible(d, view);
  }

  /** Applies the time and the filters to every element, restyles, and writes the state into the URL. */
  function refresh() {
    cy.batch(() => {
      cy.nodes().forEach((n) => n.toggleClass('hidden-view', !nodePasses(n.data())));
      cy.edges().forEach((e) => {
        const shown =
          ExploreTime.edgeVisible(e.data(), view) && !e.source().hasClass('hidden-view') && !e.target().hasClass('hidden-view');
        e.toggleClass('hidden-view', !shown);
      });
      ExploreStyle.apply(cy.nodes(), view.measure);
    });
    const shown = cy.nodes().not('.hidden-view');
    const edges = cy.edges().not('.hidden-view');
    document.body.dataset.shown = shown
      .map((n) => n.id())
      .sort()
      .join(' ');
    setStatus(t('status.summary', { shown: shown.length, total: cy.nodes().length, edges: edges.length, engine }));
    $('graph').setAttribute('aria-label', t('graph.label', { nodes: shown.length, edges: edges.length }));
    $('reading').textContent = t(`reading.${reading()}`);
    $('legend').textContent =
      view.measure === 'community'
        ? t('style.legendCommunity', { count: communityCount })
        : t('style.legendKind', { measure: t(`measure.${view.measure}`) });
    renderTable(shown);
    writeUrl();
  }

  function renderTable(shown) {
    const rows = shown.sort((a, b) => (b.data(view.measure) || 0) - (a.data(view.measure) || 0)).slice(0, 200);
    $('measure-column').textContent = t(`measure.${view.measure}`);
    $('node-rows').replaceChildren(
      ...rows.map((n) => {
        const tr = document.createElement('tr');
        const name = document.createElement('button');
        name.type = 'button';
        name.textContent = n.data('name');
        name.addEventListener('click', () => select(n.id(), false));
        const cells = [name, t(`kind.${n.data('kind')}`), datesOf(n.data()), formatMeasure(n.data(view.measure))];
        for (const cell of cells) {
          const td = document.createElement('td');
          td.append(cell);
          tr.append(td);
        }
        return tr;
      }),
    );
    $('table-more').textContent = shown.length > rows.length ? t('table.more', { count: shown.length - rows.length }) : '';
  }

  function formatMeasure(value) {
    if (view.measure === 'degree' || view.measure === 'community') return i18n.number(value || 0);
    return new Intl.NumberFormat(i18n.locale, { maximumFractionDigits: 3 }).format(value || 0);
  }

  // ---- state in the URL, undo and redo ----------------------------------------------------

  function stateOf() {
    return {
      nodes: cy.nodes().map((n) => ({ id: n.id(), x: n.position('x'), y: n.position('y') })),
      fromYear: view.fromYear,
      toYear: view.toYear,
      hierarchy: view.hierarchy,
      hiddenKinds: [...view.hiddenKinds],
      hiddenConfidence: [...view.hiddenConfidence],
      field: view.field,
      province: view.province,
      measure: view.measure,
    };
  }

  function writeUrl() {
    if (cy.nodes().empty()) return;
    window.history.replaceState(null, '', `${location.pathname}${location.search}#v=${ExploreState.encode(stateOf())}`);
  }

  function record() {
    steps.record({
      nodes: cy.nodes().map((n) => ({ id: n.id(), position: { ...n.position() } })),
      edges: cy.edges().map((e) => e.id()),
    });
    $('undo').disabled = !steps.canUndo();
    $('redo').disabled = !steps.canRedo();
  }

  function restoreSnapshot(snapshot) {
    if (!snapshot) return;
    const nodes = new Set(snapshot.nodes.map((n) => n.id));
    const edges = new Set(snapshot.edges);
    cy.batch(() => {
      cy.elements()
        .filter((el) => (el.isNode() ? !nodes.has(el.id()) : !edges.has(el.id())))
        .remove();
      for (const { id, position } of snapshot.nodes) {
        const existing = cy.getElementById(id);
        if (existing.empty()) cy.add({ group: 'nodes', data: { size: 20, colour: '#44505c', ...nodeData.get(id) }, position });
        else existing.position(position);
      }
      for (const id of edges) if (cy.getElementById(id).empty()) cy.add({ group: 'edges', data: edgeData.get(id) });
    });
    $('undo').disabled = !steps.canUndo();
    $('redo').disabled = !steps.canRedo();
    refresh();
  }

  $('undo').addEventListener('click', () => restoreSnapshot(steps.undo()));
  $('redo').addEventListener('click', () => restoreSnapshot(steps.redo()));

  /** Opens a state (from a shared URL or a saved view): exactly its nodes, at its positions, with its settings. */
  async function openState(state) {
    Object.assign(view, {
      hierarchy: state.hierarchy,
      hiddenKinds: new Set(state.hiddenKinds),
      hiddenConfidence: new Set(state.hiddenConfidence),
      field: state.field || '',
      province: state.province || '',
      measure: state.measure,
    });
    const positions = new Map(state.nodes.map((n) => [n.id, { x: n.x, y: n.y }]));
    cy.elements().remove();
    const answer = await rescore(
      state.nodes.map((n) => n.id),
      (id) => positions.get(id),
    );
    if (state.fromYear !== null) Object.assign(view, { fromYear: state.fromYear, toYear: state.toYear });
    bounds = { min: Math.min(bounds.min, view.fromYear), max: Math.max(bounds.max, view.toYear) };
    setYearInputs();
    syncControls();
    cy.fit(undefined, 30);
    const missing = answer.missing.length ? ` ${t('start.missing', { count: answer.missing.length })}` : '';
    $('start').textContent = t('start.restored', { count: cy.nodes().length }) + missing;
    record();
    refresh();
  }

  // ---- controls ---------------------------------------------------------------------------

  function setYearInputs() {
    for (const id of ['from-year', 'to-year']) Object.assign($(id), { min: bounds.min, max: bounds.max });
    view.fromYear = Math.max(bounds.min, Math.min(view.fromYear, bounds.max));
    view.toYear = Math.max(view.fromYear, Math.min(view.toYear, bounds.max));
    $('from-year').value = view.fromYear;
    $('to-year').value = view.toYear;
    $('from-year-value').textContent = view.fromYear;
    $('to-year-value').textContent = view.toYear;
  }

  function syncControls() {
    $('hierarchy').value = view.hierarchy;
    $('measure').value = view.measure;
    $('field').value = view.field;
    $('province').value = view.province;
    document.querySelectorAll('#kinds input').forEach((box) => (box.checked = !view.hiddenKinds.has(box.value)));
    document.querySelectorAll('#confidence input').forEach((box) => (box.checked = !view.hiddenConfidence.has(box.value)));
  }

  $('from-year').addEventListener('input', () => {
    view.fromYear = Number($('from-year').value);
    if (view.fromYear > view.toYear) view.toYear = view.fromYear;
    setYearInputs();
    refresh();
  });
  $('to-year').addEventListener('input', () => {
    view.toYear = Number($('to-year').value);
    if (view.toYear < view.fromYear) view.fromYear = view.toYear;
    setYearInputs();
    refresh();
  });

  let player = null;
  function stopPlaying() {
    clearInterval(player);
    player = null;
    $('play').textContent = t('time.play');
  }
  $('play').addEventListener('click', () => {
    if (player) return stopPlaying();
    view.toYear = view.fromYear;
    setYearInputs();
    refresh();
    $('play').textContent = t('time.pause');
    player = setInterval(() => {
      if (view.toYear >= bounds.max) return stopPlaying();
      view.toYear += 1;
      setYearInputs();
      refresh();
    }, 900);
  });

  $('hierarchy').addEventListener('change', () => {
    view.hierarchy = $('hierarchy').value;
    refresh();
  });
  $('measure').addEventListener('change', () => {
    view.measure = $('measure').value;
    refresh();
  });
  $('field').addEventListener('change', () => {
    view.field = $('field').value;
    refresh();
  });
  $('province').addEventListener('change', () => {
    view.province = $('province').value;
    refresh();
  });

  function checkboxes(container, values, labelKey, hidden) {
    for (const value of values) {
      const label = document.createElement('label');
      const box = Object.assign(document.createElement('input'), { type: 'checkbox', value, checked: true });
      box.addEventListener('change', () => {
        if (box.checked) hidden.delete(value);
        else hidden.add(value);
        refresh();
      });
      label.append(box, ` ${t(`${labelKey}.${value}`)}`);
      $(container).append(label);
    }
  }
  checkboxes('kinds', KINDS, 'kind', view.hiddenKinds);
  checkboxes('confidence', CONFIDENCES, 'confidence', view.hiddenConfidence);

  // ---- selection, expansion and paths -----------------------------------------------------

  let anchor = null;
  function showSelected(id) {
    const d = nodeData.get(id);
    if (!d) return;
    const fmt = (v) => new Intl.NumberFormat(i18n.locale, { maximumFractionDigits: 3 }).format(v);
    $('selected').replaceChildren(
      Object.assign(document.createElement('strong'), { textContent: d.name }),
      ` (${t(`kind.${d.kind}`)}) · ${d.id}`,
      document.createElement('br'),
      t('selected.dates', { dates: datesOf(d) }),
      document.createElement('br'),
      t('selected.scores', {
        pageRank: fmt(d.pageRank),
        degree: d.degree,
        betweenness: fmt(d.betweenness),
        community: d.community,
      }),
    );
  }

  async function select(id, withPath) {
    showSelected(id);
    cy.elements().unselect();
    cy.getElementById(id).select();
    if (withPath && anchor && anchor !== id) {
      await explainPath(anchor, id);
      return;
    }
    anchor = id;
    await expand(id);
  }

  async function explainPath(fromId, toId) {
    const maxHops = 6;
    const list = $('path');
    list.replaceChildren();
    cy.elements().removeClass('path');
    try {
      const { connectionPath: p } = await gql(
        `query Path($from: ID!, $to: ID!, $hops: Int) { connectionPath(fromId: $from, toId: $to, maxHops: $hops) {
          found steps { from { id name } to { id name } type direction confidence } } }`,
        { from: fromId, to: toId, hops: maxHops },
      );
      if (!p.found) {
        list.append(Object.assign(document.createElement('li'), { textContent: t('path.none', { hops: maxHops }) }));
        return;
      }
      for (const step of p.steps) {
        const [subject, object] = step.direction === 'FORWARD' ? [step.from, step.to] : [step.to, step.from];
        const sentence = t('path.step', { subject: subject.name, relation: t(`rel.${step.type}`), object: object.name });
        list.append(
          Object.assign(document.createElement('li'), { textContent: `${sentence} (${t(`confidence.${step.confidence}`)})` }),
        );
        cy.getElementById(`${subject.id}|${step.type}|${object.id}`).addClass('path');
      }
    } catch (error) {
      fail(error);
    }
  }

  cy.on('tap', 'node', (event) => {
    select(event.target.id(), Boolean(event.originalEvent && event.originalEvent.shiftKey));
  });
  cy.on('dragfree', 'node', () => {
    record();
    writeUrl();
  });

  // ---- search -----------------------------------------------------------------------------

  let searchTimer;
  $('search').addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(async () => {
      const q = $('search').value.trim();
      const list = $('results');
      list.replaceChildren();
      if (!q) return;
      try {
        const { search } = await gql(`query S($q: String!) { search(query: $q, limit: 10) { id kind name } }`, { q });
        if (search.length === 0) list.append(Object.assign(document.createElement('li'), { textContent: t('search.none') }));
        for (const hit of search) {
          const li = document.createElement('li');
          const button = Object.assign(document.createElement('button'), { type: 'button' });
          button.dataset.id = hit.id;
          button.append(Object.assign(document.createElement('div'), { textContent: hit.name }));
          button.append(Object.assign(document.createElement('span'), { className: 'kind', textContent: t(`kind.${hit.kind}`) }));
          button.addEventListener('click', async () => {
            anchor = hit.id;
            await expand(hit.id);
            cy.elements().unselect();
            cy.getElementById(hit.id).select();
            showSelected(hit.id);
          });
          li.append(button);
          list.append(li);
        }
      } catch (error) {
        fail(error);
      }
    }, 200);
  });

  // ---- sharing, saved views and exports ---------------------------------------------------

  $('copy-link').addEventListener('click', async () => {
    writeUrl();
    try {
      await navigator.clipboard.writeText(location.href);
      $('view-status').textContent = t('view.copied');
    } catch (error) {
      $('view-status').textContent = t('view.failed', { message: error.message });
    }
  });

  const TOKEN_KEY = 'exemplar-graph.editor-token';
  try {
    $('view-token').value = sessionStorage.getItem(TOKEN_KEY) || '';
  } catch {
    // storage disabled: the reader types the token each time
  }

  async function editorCall(query, variables) {
    const token = $('view-token').value.trim();
    try {
      sessionStorage.setItem(TOKEN_KEY, token);
    } catch {
      // not remembered
    }
    return gql(query, variables, { token });
  }

  async function listViews() {
    const { views } = await gql(`{ views { id name state savedBy savedAt } }`);
    const list = $('views');
    list.replaceChildren();
    if (views.length === 0) {
      list.append(Object.assign(document.createElement('li'), { textContent: t('view.none'), className: 'hint' }));
    }
    for (const saved of views) {
      const li = document.createElement('li');
      const open = Object.assign(document.createElement('button'), { type: 'button', textContent: saved.name });
      open.setAttribute('aria-label', t('view.open', { name: saved.name }));
      open.addEventListener('click', () => {
        location.hash = `v=${saved.state}`;
      });
      const remove = Object.assign(document.createElement('button'), { type: 'button', textContent: '×' });
      remove.setAttribute('aria-label', t('view.delete', { name: saved.name }));
      remove.addEventListener('click', async () => {
        try {
          await editorCall(`mutation($id: ID!) { deleteView(id: $id) }`, { id: saved.id });
          $('view-status').textContent = t('view.deleted', { name: saved.name });
          await listViews();
        } catch (error) {
          $('view-status').textContent = t('view.failed', { message: error.message });
        }
      });
      const meta = Object.assign(document.createElement('span'), {
        className: 'hint',
        textContent: t('view.savedBy', { who: saved.savedBy, when: i18n.date(saved.savedAt) }),
      });
      li.append(open, remove, meta);
      list.append(li);
    }
  }

  $('save-view').addEventListener('click', async () => {
    const name = $('view-name').value.trim();
    try {
      await editorCall(`mutation($name: String!, $state: String!) { saveView(name: $name, state: $state) { id } }`, {
        name,
        state: ExploreState.encode(stateOf()),
      });
      $('view-status').textContent = t('view.saved', { name });
      await listViews();
    } catch (error) {
      $('view-status').textContent = t('view.failed', { message: error.message });
    }
  });

  window.addEventListener('hashchange', async () => {
    const state = ExploreState.decode(location.hash.replace(/^#v=/, ''));
    if (state && state.nodes.length && ExploreState.encode(stateOf()) !== location.hash.slice(3)) {
      await openState(state).catch(fail);
    }
  });

  /** The view as the writers take it: what is shown, with positions. */
  function shownGraph() {
    const nodes = cy.nodes().not('.hidden-view');
    const edges = cy.edges().not('.hidden-view');
    return {
      nodes: nodes.map((n) => {
        const d = n.data();
        return {
          id: d.id,
          kind: d.kind,
          name: d.name,
          start: d.start,
          end: d.end,
          confidence: d.confidence,
          pageRank: d.pageRank,
          betweenness: d.betweenness,
          degree: d.degree,
          community: d.community,
          x: n.position('x'),
          y: -n.position('y'),
        };
      }),
      edges: edges.map((e) => {
        const d = e.data();
        return {
          id: d.id,
          source: d.source,
          target: d.target,
          type: d.type,
          start: d.start,
          end: d.end,
          confidence: d.confidence,
        };
      }),
    };
  }

  document.querySelectorAll('[data-export]').forEach((button) =>
    button.addEventListener('click', async () => {
      const format = button.dataset.export;
      try {
        if (format === 'png') {
          Downloads.save(cy.png({ output: 'blob', full: true, bg: '#ffffff', scale: 2 }), 'explorer-view.png');
        } else if (format === 'svg') {
          Downloads.save(new Blob([cy.svg({ full: true, bg: '#ffffff' })], { type: 'image/svg+xml' }), 'explorer-view.svg');
        } else await Downloads.postForFile(`/export/view.${format}`, shownGraph(), `explorer-view.${format}`);
      } catch (error) {
        fail(error);
      }
    }),
  );

  // ---- start ------------------------------------------------------------------------------

  async function loadFilters() {
    const { fields, places } = await gql(
      `{ fields(limit: 100, sort: [{ name: ASC }]) { id name } places(where: { level: { eq: PROVINCE } }, limit: 100, sort: [{ name: ASC }]) { id name } }`,
    );
    for (const f of fields) $('field').append(new Option(f.name, f.id));
    for (const p of places) $('province').append(new Option(p.name, p.id));
  }

  async function start() {
    setStatus(t('status.loading'));
    await loadFilters();
    await listViews();
    const params = new URLSearchParams(location.search);
    const shared = ExploreState.decode(location.hash.replace(/^#v=/, ''));
    if (shared && shared.nodes.length) return openState(shared);
    if (params.get('view')) {
      const { views } = await gql(`{ views { id state } }`);
      const saved = views.find((v) => v.id === params.get('view'));
      const state = saved && ExploreState.decode(saved.state);
      if (state) return openState(state);
    }
    const focus = params.get('focus');
    if (focus) {
      anchor = focus;
      await expand(focus);
      $('start').textContent = t('start.focus', { name: nodeData.get(focus)?.name ?? focus });
      return;
    }
    const { centralExemplars } = await gql(`{ centralExemplars(limit: 8) { rankedBy exemplars { id } } }`);
    const seeds = centralExemplars.exemplars.map((x) => x.id);
    if (seeds.length === 0) return refresh();
    const { influenceNetwork: net } = await gql(NETWORK, { ids: seeds, depth: 1, limit: 120 });
    await rescore(
      net.nodes.map((n) => n.id),
      () => ({ x: Math.random() * 400, y: Math.random() * 400 }),
    );
    layout(true);
    $('start').textContent = t('start.central', { count: seeds.length, measure: t(`start.${centralExemplars.rankedBy}`) });
    record();
    refresh();
  }

  start()
    .then(() => {
      document.body.dataset.ready = 'true';
    })
    .catch(fail);
})();
