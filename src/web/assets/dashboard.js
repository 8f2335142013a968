/* The field dashboard: one fieldDashboard query per view, each panel drawn with ECharts. */
(() => {
  const $ = (id) => document.getElementById(id);
  const params = new URLSearchParams(location.search);
  // Whole calendar years by default: the figures then come from the precomputed dashboard cube.
  $('to').value = params.get('to') || `${new Date().getFullYear()}-12-31`;
  if (params.get('from')) $('from').value = params.get('from');
  const charts = {};

  const DASHBOARD = `query Dashboard($field: ID!, $place: ID, $from: Date!, $to: Date!) {
    fieldDashboard(field: $field, place: $place, from: $from, to: $to) {
      field { id name } source builtAt
      current { exemplars { count } awards { count } events { count } stories { count }
        awardsByForm { key label count } awardsByLevel { key label count } storiesPerMonth { key count }
        topPlaces { then { place { id name } count } } topAgencies { key label count } }
      change { exemplars awards events stories }
    } }`;

  function chart(panel, option) {
    const el = document.querySelector(`[data-panel="${panel}"]`);
    charts[panel] = charts[panel] || echarts.init(el, null, { renderer: 'canvas' });
    charts[panel].setOption(option, true);
    el.dataset.rendered = 'true';
  }

  const bars = (buckets, horizontal) => {
    const labels = buckets.map((b) => b.label || b.key);
    const values = buckets.map((b) => b.count);
    return horizontal
      ? {
          grid: { left: 8, right: 16, top: 8, bottom: 24, containLabel: true },
          xAxis: { type: 'value', minInterval: 1 },
          yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { width: 170, overflow: 'truncate' } },
          series: [{ type: 'bar', data: values, itemStyle: { color: '#7a1f1f' } }],
          tooltip: {},
        }
      : {
          grid: { left: 40, right: 16, top: 8, bottom: 60 },
          xAxis: { type: 'category', data: labels, axisLabel: { rotate: 30 } },
          yAxis: { type: 'value', minInterval: 1 },
          series: [{ type: 'bar', data: values, itemStyle: { color: '#7a1f1f' } }],
          tooltip: {},
        };
  };

  function kpi(panel, count, change) {
    const el = document.querySelector(`[data-panel="${panel}"]`);
    el.querySelector('b').textContent = String(count);
    el.dataset.count = String(count);
    const delta = el.querySelector('.delta');
    delta.textContent = change === 0 ? 'same as previous period' : `${change > 0 ? '+' : ''}${change} vs previous period`;
    delta.className = `delta ${change > 0 ? 'up' : change < 0 ? 'down' : ''}`;
  }

  async function show() {
    const variables = { field: $('field').value, place: $('place').value || null, from: $('from').value, to: $('to').value };
    $('status').textContent = 'Loading…';
    try {
      const { fieldDashboard: d } = await gql(DASHBOARD, variables);
      kpi('exemplars', d.current.exemplars.count, d.change.exemplars);
      kpi('awards', d.current.awards.count, d.change.awards);
      kpi('events', d.current.events.count, d.change.events);
      kpi('stories', d.current.stories.count, d.change.stories);
      chart('awardsByForm', bars(d.current.awardsByForm, false));
      chart('awardsByLevel', {
        tooltip: {},
        series: [
          {
            type: 'pie',
            radius: ['35%', '70%'],
            data: d.current.awardsByLevel.map((b) => ({ name: b.label || b.key, value: b.count })),
          },
        ],
      });
      chart('storiesPerMonth', {
        grid: { left: 40, right: 16, top: 8, bottom: 40 },
        tooltip: {},
        xAxis: { type: 'category', data: d.current.storiesPerMonth.map((b) => b.key) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [{ type: 'line', data: d.current.storiesPerMonth.map((b) => b.count), areaStyle: {} }],
      });
      chart(
        'topPlaces',
        bars(
          d.current.topPlaces.then.slice(0, 8).map((b) => ({ key: b.place.id, label: b.place.name, count: b.count })),
          true,
        ),
      );
      chart('topAgencies', bars(d.current.topAgencies.slice(0, 8), true));
      document.body.dataset.field = d.field.id;
      const source = d.source === 'PRECOMPUTED' ? `precomputed ${new Date(d.builtAt).toLocaleString()}` : 'live';
      $('status').textContent = `${d.field.name}, ${variables.from} → ${variables.to} (${source})`;
      history.replaceState(null, '', `?${new URLSearchParams(Object.entries(variables).filter(([, v]) => v))}`);
    } catch (error) {
      $('status').textContent = `Could not load: ${error.message}`;
    }
  }

  async function init() {
    const data = await gql(
      `{ fields(limit: 100, sort: [{ name: ASC }]) { id name } places(where: { level: { eq: PROVINCE } }, limit: 100, sort: [{ name: ASC }]) { id name } }`,
    );
    for (const f of data.fields) $('field').append(new Option(f.name, f.id));
    for (const p of data.places) $('place').append(new Option(p.name, p.id));
    $('field').value = params.get('field') || data.fields[0].id;
    $('place').value = params.get('place') || '';
    $('apply').addEventListener('click', show);
    window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));
    await show();
  }
  init();
})();
