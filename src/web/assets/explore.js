/* The analyst's explorer: search, expand neighbourhoods (influenceNetwork), explain paths (connectionPath). */
(() => {
  const $ = (id) => document.getElementById(id);
  const PALETTE = ['#7a1f1f', '#1f5c7a', '#3d7a1f', '#7a5c1f', '#5c1f7a', '#1f7a6b', '#7a1f5c', '#44505c'];
  const cy = cytoscape({
    container: $('graph'),
    style: [
      {
        selector: 'node',
        style: {
          label: 'data(name)',
          'font-size': 9,
          'text-wrap': 'ellipsis',
          'text-max-width': 120,
          width: 'data(size)',
          height: 'data(size)',
          'background-color': 'data(colour)',
        },
      },
      {
        selector: 'edge',
        style: {
          width: 1,
          'line-color': '#c3c9d0',
          'target-arrow-shape': 'triangle',
          'target-arrow-color': '#c3c9d0',
          'curve-style': 'bezier',
          label: 'data(type)',
          'font-size': 6,
          color: '#8a939c',
        },
      },
      { selector: ':selected', style: { 'border-width': 3, 'border-color': '#f2b705' } },
      { selector: '.path', style: { 'line-color': '#f2b705', 'target-arrow-color': '#f2b705', width: 3 } },
    ],
    layout: { name: 'grid' },
  });
  window.explorer = { cy };

  const NETWORK = `query Net($ids: [ID!], $depth: Int, $limit: Int) {
    influenceNetwork(ids: $ids, depth: $depth, limit: $limit) {
      engine truncated nodes { id kind name pageRank community } edges { from to type } } }`;

  async function expand(id) {
    $('status').textContent = `Expanding ${id}…`;
    const { influenceNetwork: net } = await gql(NETWORK, { ids: [id], depth: 1, limit: 80 });
    const maxRank = Math.max(...net.nodes.map((n) => n.pageRank), 1e-9);
    cy.batch(() => {
      for (const n of net.nodes) {
        const data = {
          id: n.id,
          name: n.name,
          kind: n.kind,
          size: 14 + 36 * (n.pageRank / maxRank),
          colour: PALETTE[n.community % PALETTE.length],
        };
        const existing = cy.getElementById(n.id);
        if (existing.nonempty()) existing.data(data);
        else cy.add({ group: 'nodes', data });
      }
      for (const e of net.edges) {
        const edgeId = `${e.from}|${e.type}|${e.to}`;
        if (cy.getElementById(edgeId).empty()) {
          cy.add({ group: 'edges', data: { id: edgeId, source: e.from, target: e.to, type: e.type } });
        }
      }
    });
    cy.layout({ name: 'cose', animate: false, randomize: false, nodeRepulsion: 8000 }).run();
    document.body.dataset.expanded = [document.body.dataset.expanded, id].filter(Boolean).join(' ');
    $('status').textContent = `${cy.nodes().length} nodes · scores by ${net.engine}${net.truncated ? ' · limited' : ''}`;
  }

  let anchor = null;
  async function explainPath(fromId, toId) {
    const { connectionPath: p } = await gql(
      `query Path($from: ID!, $to: ID!) { connectionPath(fromId: $from, toId: $to) { found explanation steps { from { id } to { id } type sentence confidence } } }`,
      { from: fromId, to: toId },
    );
    const list = $('path');
    list.replaceChildren();
    cy.elements().removeClass('path');
    if (!p.found) {
      list.append(Object.assign(document.createElement('li'), { textContent: p.explanation }));
      return;
    }
    for (const step of p.steps) {
      list.append(
        Object.assign(document.createElement('li'), {
          textContent: `${step.sentence} (${step.confidence.toLowerCase().replace('_', ' ')})`,
        }),
      );
      cy.edges()
        .filter(
          (e) =>
            (e.data('source') === step.from.id && e.data('target') === step.to.id) ||
            (e.data('source') === step.to.id && e.data('target') === step.from.id),
        )
        .addClass('path');
    }
  }

  cy.on('tap', 'node', async (event) => {
    const node = event.target;
    $('selected').textContent = `${node.data('name')} (${node.data('kind').toLowerCase()}) · ${node.id()}`;
    if (event.originalEvent && event.originalEvent.shiftKey && anchor && anchor !== node.id()) {
      await explainPath(anchor, node.id());
      return;
    }
    anchor = node.id();
    await expand(node.id());
  });

  let timer;
  $('q').addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const q = $('q').value.trim();
      const list = $('results');
      list.replaceChildren();
      if (!q) return;
      const { search } = await gql(`query S($q: String!) { search(query: $q, limit: 10) { id kind name why } }`, { q });
      for (const hit of search) {
        const li = document.createElement('li');
        li.dataset.id = hit.id;
        li.title = hit.why;
        li.innerHTML = '<div></div><span class="kind"></span>';
        li.firstChild.textContent = hit.name;
        li.lastChild.textContent = hit.kind;
        li.addEventListener('click', async () => {
          cy.elements().remove();
          anchor = hit.id;
          await expand(hit.id);
          cy.getElementById(hit.id).select();
        });
        list.append(li);
      }
    }, 200);
  });

  const focus = new URLSearchParams(location.search).get('focus');
  if (focus) {
    expand(focus).then(() => {
      anchor = focus;
    });
  }
})();
