/* global module, require */
/**
 * The explorer's whole state in its URL (`/explore#v=<state>`): nodes with positions, the years,
 * the hierarchy, the filters and the styling, as JSON compressed with lz-string (URI-safe). The
 * server stores named views as the same text (src/views/viewState.ts checks the version and the
 * nodes). Pure; unit-tested in Node, run as is in the page (LZString loaded before it).
 */
(function (root, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory(require('lz-string'));
  else root.ExploreState = factory(root.LZString);
})(typeof self !== 'undefined' ? self : this, function (LZString) {
  'use strict';

  const VERSION = 1;
  const MEASURES = ['pageRank', 'degree', 'betweenness', 'community'];
  const HIERARCHIES = ['auto', 'then', 'now', 'all'];

  const isYear = (y) => Number.isInteger(y) && y >= 1 && y <= 9999;
  const strings = (list) => (Array.isArray(list) ? list.filter((s) => typeof s === 'string') : []);

  /**
   * Given a state ({nodes: [{id, x, y}], fromYear, toYear, hierarchy, hiddenKinds, hiddenConfidence,
   * field, province, measure}), returns its compressed text. Positions are rounded to whole pixels.
   */
  function encode(state) {
    const compact = {
      v: VERSION,
      nodes: state.nodes.map((n) => [n.id, Math.round(n.x), Math.round(n.y)]),
      years: [state.fromYear, state.toYear],
      hierarchy: state.hierarchy,
      hiddenKinds: state.hiddenKinds,
      hiddenConfidence: state.hiddenConfidence,
      field: state.field || null,
      province: state.province || null,
      measure: state.measure,
    };
    return LZString.compressToEncodedURIComponent(JSON.stringify(compact));
  }

  /** Given compressed text, returns the state it holds, or null when it is not an explorer state of this version. */
  function decode(text) {
    let parsed;
    try {
      parsed = JSON.parse(LZString.decompressFromEncodedURIComponent(String(text)) || 'null');
    } catch {
      return null;
    }
    if (!parsed || parsed.v !== VERSION || !Array.isArray(parsed.nodes)) return null;
    const nodes = parsed.nodes
      .filter((n) => Array.isArray(n) && typeof n[0] === 'string' && Number.isFinite(n[1]) && Number.isFinite(n[2]))
      .map((n) => ({ id: n[0], x: n[1], y: n[2] }));
    const years =
      Array.isArray(parsed.years) && parsed.years.every(isYear) && parsed.years[0] <= parsed.years[1] ? parsed.years : null;
    return {
      nodes,
      fromYear: years ? years[0] : null,
      toYear: years ? years[1] : null,
      hierarchy: HIERARCHIES.includes(parsed.hierarchy) ? parsed.hierarchy : 'auto',
      hiddenKinds: strings(parsed.hiddenKinds),
      hiddenConfidence: strings(parsed.hiddenConfidence),
      field: typeof parsed.field === 'string' ? parsed.field : null,
      province: typeof parsed.province === 'string' ? parsed.province : null,
      measure: MEASURES.includes(parsed.measure) ? parsed.measure : 'pageRank',
    };
  }

  return { VERSION, MEASURES, HIERARCHIES, encode, decode };
});
