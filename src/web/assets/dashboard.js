/*
 * The field dashboard: one fieldDashboard query per view (filters in the URL), KPI cards, a
 * province map (the 63 or the 34 provinces, chosen by the API), each chart with a table beside it,
 * "no data for this period" instead of empty axes, the undated facts listed, and every panel
 * exported as CSV and XLSX (the server writes them from the same figures) or saved as PNG.
 */
(() => {
  const i18n = I18n.create(window.DashboardStrings);
  const { t } = i18n;
  i18n.apply();
  const $ = (id) => document.getElementById(id);
  const params = new URLSearchParams(location.search);
  const charts = {};
  const maps = new Map();

  const langButton = $('lang');
  langButton.lang = i18n.lang === 'vi' ? 'en' : 'vi';
  langButton.addEventListener('click', () => i18n.switchTo(langButton.lang));

  // Whole calendar years by default: the figures then come from the precomputed dashboard cube.
  $('to').value = params.get('to') || `${new Date().getFullYear()}-12-31`;
  if (params.get('from')) $('from').value = params.get('from');
  if (['facts', 'events', 'awards'].includes(params.get('figure'))) $('figure').value = params.get('figure');

  /** The charted panels: what each shows and how its rows read. */
  const PANELS = [
    {
      id: 'awardsByForm',
      exportId: 'awards-by-form',
      type: 'bar',
      columns: ['col.form', 'col.count'],
      rows: (d) => d.current.awardsByForm.map((b) => ({ label: t(`form.${b.key}`), count: b.count })),
    },
    {
      id: 'awardsByLevel',
      exportId: 'awards-by-level',
      type: 'pie',
      columns: ['col.level', 'col.count'],
      rows: (d) => d.current.awardsByLevel.map((b) => ({ label: t(`level.${b.key}`), count: b.count })),
    },
    {
      id: 'storiesPerMonth',
      exportId: 'stories-per-month',
      type: 'line',
      columns: ['col.month', 'col.count'],
      rows: (d) => d.current.storiesPerMonth.map((b) => ({ label: i18n.date(b.key), count: b.count })),
    },
    {
      id: 'topPlaces',
      exportId: 'top-places',
      type: 'hbar',
      columns: ['col.place', 'col.count'],
      rows: (d) => d.current.topPlaces.then.map((b) => ({ label: b.place.name, count: b.count })),
    },
    {
      id: 'topAgencies',
      exportId: 'top-agencies',
      type: 'hbar',
      columns: ['col.agency', 'col.count'],
      rows: (d) => d.current.topAgencies.map((b) => ({ label: b.label, count: b.count })),
    },
  ];

  const PERIOD = `exemplars { count } awards { count } events { count } stories { count }
    awardsByForm { key count } awardsByLevel { key count } storiesPerMonth { key count }
    topPlaces { then { place { id name } level count } } topAgencies { key label count }`;
  function dashboardQuery(withIds) {
    return `query Dashboard($field: ID!, $place: ID, $from: Date!, $to: Date!) {
      fieldDashboard(field: $field, place: $place, from: $from, to: $to) {
        field { id name } place { id name } source builtAt
        current { from to ${PERIOD} }
        previous { exemplars { count } awards { count } events { count } stories { count } }
        change { exemplars awards events stories }
        map { map url reading spansMerger regions { name code kind placeId count ${withIds ? 'ids' : ''} } unmatched { placeId count } }
      } }`;
  }

  // ---- panels ------------------------------------------------------------------------------

  function buildPanels() {
    for (const panel of PANELS) {
      const title = t(`panel.${panel.id}`);
      const section = document.createElement('section');
      section.setAttribute('aria-labelledby', `${panel.id}-heading`);
      section.innerHTML = `<h2 id="${panel.id}-heading"></h2><div class="tools" data-tools="${panel.exportId}"></div>
        <div class="chart" data-panel="${panel.id}" role="img"></div><p class="empty" data-empty="${panel.id}" hidden></p>
        <details><summary></summary><table data-table="${panel.id}"></table></details>`;
      section.querySelector('h2').textContent = title;
      section.querySelector('[role="img"]').setAttribute('aria-label', t('panel.chartLabel', { title }));
      section.querySelector('.empty').textContent = t('panel.empty');
      section.querySelector('summary').textContent = t('panel.table');
      $('panels').append(section);
    }
    $('panels')
      .querySelector('[data-panel="map"]')
      .setAttribute('aria-label', t('panel.chartLabel', { title: t('panel.map') }));
  }

  function exportQuery() {
    const q = new URLSearchParams({ field: $('field').value, from: $('from').value, to: $('to').value, lang: i18n.lang });
    if ($('place').value) q.set('place', $('place').value);
    return q.toString();
  }

  function tools(exportId, title, chartPanel) {
    const box = document.querySelector(`[data-tools="${exportId}"]`);
    box.querySelectorAll('[data-made]').forEach((el) => el.remove());
    const csv = Object.assign(document.createElement('a'), {
      href: `/export/dashboard/${exportId}.csv?${exportQuery()}`,
      textContent: t('export.csv'),
    });
    csv.setAttribute('aria-label', t('export.csvLabel', { title }));
    csv.dataset.made = 'csv';
    const xlsx = Object.assign(document.createElement('a'), {
      href: `/export/dashboard.xlsx?${exportQuery()}`,
      textContent: t('export.xlsx'),
    });
    xlsx.setAttribute('aria-label', t('export.xlsxLabel', { title }));
    xlsx.dataset.made = 'xlsx';
    box.append(csv, xlsx);
    if (chartPanel && charts[chartPanel]) {
      const png = Object.assign(document.createElement('button'), { type: 'button', textContent: t('export.png') });
      png.setAttribute('aria-label', t('export.pngLabel', { title }));
      png.dataset.made = 'png';
      png.addEventListener('click', () => {
        // What ECharts' saveAsImage does, behind a button that speaks the page's language.
        const url = charts[chartPanel].getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
        Object.assign(document.createElement('a'), { href: url, download: `${exportId}.png` }).click();
      });
      box.append(png);
    }
  }

  function fillTable(panel, columns, rows) {
    const table = document.querySelector(`[data-table="${panel}"]`);
    const head = document.createElement('tr');
    columns.forEach((key, i) => {
      const th = Object.assign(document.createElement('th'), { scope: 'col', textContent: t(key) });
      if (i === columns.length - 1) th.className = 'number';
      head.append(th);
    });
    const body = rows.map((row) => {
      const tr = document.createElement('tr');
      const label = Object.assign(document.createElement('th'), { scope: 'row', textContent: row.label });
      const count = Object.assign(document.createElement('td'), { className: 'number', textContent: i18n.number(row.count) });
      count.dataset.count = String(row.count);
      tr.append(label, count);
      return tr;
    });
    table.replaceChildren(Object.assign(document.createElement('thead'), {}), Object.assign(document.createElement('tbody'), {}));
    table.tHead.append(head);
    table.tBodies[0].append(...body);
  }

  function option(type, rows) {
    const labels = rows.map((r) => r.label);
    const values = rows.map((r) => r.count);
    const formatter = (v) => i18n.number(v);
    const bar = { type: 'bar', data: values, itemStyle: { color: '#7a1f1f' } };
    switch (type) {
      case 'pie':
        return {
          tooltip: { valueFormatter: formatter },
          series: [{ type: 'pie', radius: ['35%', '70%'], data: rows.map((r) => ({ name: r.label, value: r.count })) }],
        };
      case 'line':
        return {
          grid: { left: 40, right: 16, top: 8, bottom: 40 },
          tooltip: { trigger: 'axis', valueFormatter: formatter },
          xAxis: { type: 'category', data: labels },
          yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter } },
          series: [{ type: 'line', data: values, areaStyle: {}, itemStyle: { color: '#7a1f1f' } }],
        };
      case 'hbar':
        return {
          grid: { left: 8, right: 16, top: 8, bottom: 24, containLabel: true },
          tooltip: { valueFormatter: formatter },
          xAxis: { type: 'value', minInterval: 1, axisLabel: { formatter } },
          yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { width: 170, overflow: 'truncate' } },
          series: [bar],
        };
      default:
        return {
          grid: { left: 40, right: 16, top: 8, bottom: 60 },
          tooltip: { valueFormatter: formatter },
          xAxis: { type: 'category', data: labels, axisLabel: { rotate: 30 } },
          yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter } },
          series: [bar],
        };
    }
  }

  /** Draws a panel, or says there is no data for the period (no empty axes); its table either way. */
  function drawPanel(panel, type, rows, columns, makeOption) {
    const el = document.querySelector(`[data-panel="${panel}"]`);
    const empty = document.querySelector(`[data-empty="${panel}"]`);
    const hasData = rows.some((r) => r.count > 0);
    el.hidden = !hasData;
    empty.hidden = hasData;
    el.dataset.rendered = String(hasData);
    el.dataset.empty = String(!hasData);
    if (charts[panel] && !hasData) {
      charts[panel].dispose();
      delete charts[panel];
    }
    if (hasData) {
      charts[panel] = charts[panel] || echarts.init(el, null, { renderer: 'canvas' });
      charts[panel].setOption(makeOption ? makeOption() : option(type, rows), true);
    }
    fillTable(panel, columns, rows);
  }

  function kpi(panel, count, change) {
    const el = document.querySelector(`[data-panel="${panel}"]`);
    el.querySelector('b').textContent = i18n.number(count);
    el.dataset.count = String(count);
    const delta = el.querySelector('.delta');
    delta.textContent =
      change === 0 ? t('kpi.same') : t('kpi.change', { change: `${change > 0 ? '+' : '−'}${i18n.number(Math.abs(change))}` });
    delta.className = `delta ${change > 0 ? 'up' : change < 0 ? 'down' : ''}`;
  }

  // ---- the map -----------------------------------------------------------------------------

  async function provinceMap(url, id) {
    if (!maps.has(id)) {
      const geojson = await (await fetch(url)).json();
      echarts.registerMap(id, geojson);
      maps.set(id, geojson);
    }
    return maps.get(id);
  }

  function regionValue(region, figure) {
    if (region.count === null) return null;
    if (figure === 'facts' || !region.ids) return region.count;
    const prefix = figure === 'events' ? 'event:' : 'award:';
    const n = region.ids.filter((id) => id.startsWith(prefix)).length;
    return n === 0 ? null : n;
  }

  async function drawMap(map, placeNames) {
    const figure = $('figure').value;
    await provinceMap(map.url, map.map);
    const provinceName = new Map(map.regions.filter((r) => r.kind === 'PROVINCE').map((r) => [r.placeId, r.name]));
    const data = map.regions.map((r) => ({ name: r.name, value: regionValue(r, figure) }));
    const max = Math.max(1, ...data.map((d) => d.value || 0));
    const rows = map.regions
      .filter((r) => r.kind === 'PROVINCE' && regionValue(r, figure) !== null)
      .map((r) => ({ label: r.name, count: regionValue(r, figure) }))
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'vi'));
    const el = document.querySelector('[data-panel="map"]');
    el.dataset.map = map.map;
    el.dataset.coloured = rows.map((r) => r.label).join('|');
    drawPanel('map', 'map', rows, ['col.province', 'col.count'], () => ({
      tooltip: {
        formatter: (p) => {
          const region = map.regions.find((r) => r.name === p.name);
          const name =
            region && region.kind === 'ARCHIPELAGO'
              ? t('map.archipelago', { name: p.name, province: provinceName.get(region.placeId) })
              : p.name;
          return `${name}: ${Number.isFinite(p.value) ? i18n.number(p.value) : t('map.noValue')}`;
        },
      },
      visualMap: {
        min: 0,
        max,
        calculable: true,
        inRange: { color: ['#f6e7e7', '#7a1f1f'] },
        left: 'left',
        bottom: 10,
        formatter: (v) => i18n.number(Math.round(v)),
      },
      series: [
        {
          type: 'map',
          map: map.map,
          roam: true,
          data,
          emphasis: { label: { show: true } },
          itemStyle: { areaColor: '#eef0f3', borderColor: '#9aa3ad' },
        },
      ],
    }));
    $('map-note').textContent = map.spansMerger ? t('map.spans') : t(map.map === 'PROVINCES_63' ? 'map.then63' : 'map.then34');
    const unmatched = map.unmatched.map((u) => `${placeNames.get(u.placeId) || u.placeId} (${i18n.number(u.count)})`);
    $('map-unmatched').textContent = unmatched.length ? t('map.unmatched', { list: unmatched.join(', ') }) : '';
  }

  // ---- undated facts -----------------------------------------------------------------------

  async function showUndated(undated) {
    const box = $('undated');
    if (!undated) {
      box.hidden = true;
      return;
    }
    box.hidden = false;
    $('undated-note').textContent = undated.count ? t('undated.note', { count: undated.count }) : t('undated.none');
    const { entities } = undated.count
      ? await gql(`query($ids: [ID!]!) { entities(where: { id: { in: $ids } }, limit: 100) { id name __typename } }`, {
          ids: undated.ids.slice(0, 100),
        })
      : { entities: [] };
    const names = new Map(entities.map((e) => [e.id, e]));
    $('undated-list').replaceChildren(
      ...undated.ids.map((id) => {
        const li = document.createElement('li');
        const entity = names.get(id);
        li.dataset.id = id;
        li.textContent = entity ? `${entity.name} (${t(`kind.${entity.__typename.toUpperCase()}`)}) · ${id}` : id;
        return li;
      }),
    );
  }

  // ---- one view ----------------------------------------------------------------------------

  async function fetchDashboard(variables) {
    return (await gql(dashboardQuery($('figure').value !== 'facts'), variables)).fieldDashboard;
  }

  /** The facts no period can place (fieldDashboard.undated), asked apart so the dashboard shows even where the API lacks them. */
  async function fetchUndated(variables) {
    try {
      const { fieldDashboard } = await gql(
        `query Undated($field: ID!, $place: ID, $from: Date!, $to: Date!) {
          fieldDashboard(field: $field, place: $place, from: $from, to: $to) { undated { count ids } } }`,
        variables,
      );
      return fieldDashboard.undated;
    } catch {
      return null;
    }
  }

  let placeNames = new Map();
  async function show() {
    const variables = { field: $('field').value, place: $('place').value || null, from: $('from').value, to: $('to').value };
    $('status').textContent = t('status.loading');
    try {
      const d = await fetchDashboard(variables);
      for (const f of ['exemplars', 'awards', 'events', 'stories']) kpi(f, d.current[f].count, d.change[f]);
      for (const panel of PANELS) drawPanel(panel.id, panel.type, panel.rows(d), panel.columns);
      await drawMap(d.map, placeNames);
      await showUndated(await fetchUndated(variables));
      tools('summary', t('panel.summary'), null);
      tools('map', t('panel.map'), 'map');
      for (const panel of PANELS) tools(panel.exportId, t(`panel.${panel.id}`), panel.id);
      $('export-all').href = `/export/dashboard.xlsx?${exportQuery()}`;
      document.body.dataset.field = d.field.id;
      document.body.dataset.period = `${variables.from}..${variables.to}`;
      const period = { field: d.field.name, from: i18n.date(variables.from), to: i18n.date(variables.to) };
      $('status').textContent =
        d.source === 'PRECOMPUTED'
          ? t('status.precomputed', { ...period, builtAt: new Date(d.builtAt).toLocaleString(i18n.locale) })
          : t('status.live', period);
      const url = new URLSearchParams(Object.entries(variables).filter(([, v]) => v));
      if ($('figure').value !== 'facts') url.set('figure', $('figure').value);
      if (params.get('lang')) url.set('lang', params.get('lang'));
      history.replaceState(null, '', `?${url}`);
    } catch (error) {
      $('status').textContent = t('status.failed', { message: error.message });
    }
  }

  async function init() {
    buildPanels();
    const data = await gql(
      `{ fields(limit: 100, sort: [{ name: ASC }]) { id name } places(where: { level: { eq: PROVINCE } }, limit: 100, sort: [{ name: ASC }]) { id name } }`,
    );
    for (const f of data.fields) $('field').append(new Option(f.name, f.id));
    for (const p of data.places) $('place').append(new Option(p.name, p.id));
    placeNames = new Map(data.places.map((p) => [p.id, p.name]));
    $('field').value = params.get('field') || data.fields[0].id;
    $('place').value = params.get('place') || '';
    $('filters').addEventListener('submit', (event) => {
      event.preventDefault();
      show();
    });
    $('figure').addEventListener('change', show);
    window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));
    await show();
    document.body.dataset.ready = 'true';
  }
  init();
})();
