/* The explorer's look: Cytoscape's stylesheet and the styling of nodes by the chosen measure. */
window.ExploreStyle = (() => {
  /** One colour per kind, dark enough for white borders and legible labels beside them. */
  const KIND_COLOURS = {
    PERSON: '#7a1f1f',
    COLLECTIVE: '#a3441f',
    AGENCY: '#1f5c7a',
    FIELD: '#3d7a1f',
    EVENT: '#7a5c1f',
    AWARD: '#b8860b',
    MOVEMENT: '#5c1f7a',
    STORY: '#44505c',
    PLACE: '#1f7a6b',
  };
  const PALETTE = ['#7a1f1f', '#1f5c7a', '#3d7a1f', '#7a5c1f', '#5c1f7a', '#1f7a6b', '#7a1f5c', '#44505c', '#b8860b', '#2f4f9f'];

  const stylesheet = [
    {
      selector: 'node',
      style: {
        label: 'data(name)',
        'font-size': 9,
        'text-wrap': 'ellipsis',
        'text-max-width': 120,
        'text-valign': 'bottom',
        'text-margin-y': 3,
        width: 'data(size)',
        height: 'data(size)',
        'background-color': 'data(colour)',
        'border-width': 1,
        'border-color': '#ffffff',
      },
    },
    {
      selector: 'edge',
      style: {
        width: 1,
        'line-color': '#b3bac2',
        'target-arrow-shape': 'triangle',
        'target-arrow-color': '#b3bac2',
        'arrow-scale': 0.7,
        'curve-style': 'bezier',
        label: 'data(label)',
        'font-size': 6,
        color: '#6b7480',
        'text-rotation': 'autorotate',
      },
    },
    { selector: ':selected', style: { 'border-width': 3, 'border-color': '#f2b705' } },
    { selector: '.path', style: { 'line-color': '#f2b705', 'target-arrow-color': '#f2b705', width: 3 } },
    { selector: '.hidden-view', style: { display: 'none' } },
  ];

  /** Given the nodes and the measure, sets each node's size and colour: a numeric measure sizes by its share of the largest value and colours by kind; community colours by community. */
  function apply(nodes, measure) {
    if (measure === 'community') {
      nodes.forEach((n) => n.data({ size: 22, colour: PALETTE[n.data('community') % PALETTE.length] }));
      return;
    }
    const max = Math.max(1e-9, ...nodes.map((n) => n.data(measure) || 0));
    nodes.forEach((n) =>
      n.data({ size: 14 + 36 * ((n.data(measure) || 0) / max), colour: KIND_COLOURS[n.data('kind')] || '#44505c' }),
    );
  }

  return { stylesheet, apply, KIND_COLOURS };
})();
