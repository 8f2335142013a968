/* global module */
/**
 * The explorer's time rule, pure (unit-tested in Node, run as is in the page). A view shows the
 * years from..to (whole years) and a place hierarchy read on one day:
 *
 * - events, awards and stories are points: shown when their date falls in the years;
 * - memberships (MEMBER_OF since..until) and movements (periodFrom..periodTo) are intervals:
 *   shown when they overlap the years (an open end is unbounded);
 * - places and agencies, and the containments between places (PART_OF, LOCATED_IN), form the
 *   hierarchy: shown when valid on the hierarchy day. By default (`auto`) that day is the last day of
 *   the view's last year, so moving the slider past 2025 switches from the 63 provinces and their
 *   districts ("then") to the merged units ("now"); `then` and `now` hold it on one side of
 *   1 July 2025 whatever the years, `all` shows every unit that existed at any time in the years;
 * - a succession (SUCCEEDED_BY) is shown whenever both of its ends are;
 * - anything undated is always shown.
 */
(function (root, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory();
  else root.ExploreTime = factory();
})(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  const MERGER_DAY = '2025-07-01';
  const LAST_DAY_BEFORE_MERGER = '2025-06-30';
  const POINT_KINDS = ['EVENT', 'AWARD', 'STORY'];
  const HIERARCHY_KINDS = ['PLACE', 'AGENCY'];
  const HIERARCHY_TYPES = ['PART_OF', 'LOCATED_IN'];
  const HIERARCHY_MODES = ['auto', 'then', 'now', 'all'];
  const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

  /** Given a partial date (YYYY, YYYY-MM, YYYY-MM-DD), returns its first day, or null. */
  function firstDay(partial) {
    const m = typeof partial === 'string' ? PARTIAL.exec(partial) : null;
    if (!m) return null;
    return `${m[1]}-${m[2] || '01'}-${m[3] || '01'}`;
  }

  /** Given a partial date, returns its last day, or null. */
  function lastDay(partial) {
    const m = typeof partial === 'string' ? PARTIAL.exec(partial) : null;
    if (!m) return null;
    if (m[3]) return partial;
    if (m[2]) {
      const end = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0));
      return end.toISOString().slice(0, 10);
    }
    return `${m[1]}-12-31`;
  }

  /** Given a view's years and hierarchy mode, returns the day the place hierarchy is read on (null for `all`). */
  function hierarchyDay(view) {
    const end = `${String(view.toYear).padStart(4, '0')}-12-31`;
    switch (view.hierarchy) {
      case 'all':
        return null;
      case 'then':
        return end < LAST_DAY_BEFORE_MERGER ? end : LAST_DAY_BEFORE_MERGER;
      case 'now':
        return end > MERGER_DAY ? end : MERGER_DAY;
      default:
        return end;
    }
  }

  /** Given a view, returns which hierarchy it shows: 'then' (before the 2025 merger), 'now', or 'all'. */
  function hierarchyReading(view) {
    const day = hierarchyDay(view);
    if (day === null) return 'all';
    return day >= MERGER_DAY ? 'now' : 'then';
  }

  function overlaps(startDay, endDay, view) {
    const from = `${String(view.fromYear).padStart(4, '0')}-01-01`;
    const to = `${String(view.toYear).padStart(4, '0')}-12-31`;
    return (startDay === null || startDay <= to) && (endDay === null || endDay >= from);
  }

  function validOn(element, day) {
    const start = firstDay(element.start);
    const end = lastDay(element.end);
    return (start === null || start <= day) && (end === null || end >= day);
  }

  /** Given a node ({kind, start, end}) and a view ({fromYear, toYear, hierarchy}), returns whether the slider shows it. */
  function nodeVisible(node, view) {
    if (!node.start && !node.end) return true;
    if (HIERARCHY_KINDS.includes(node.kind)) {
      const day = hierarchyDay(view);
      return day === null ? overlaps(firstDay(node.start), lastDay(node.end), view) : validOn(node, day);
    }
    if (POINT_KINDS.includes(node.kind)) return overlaps(firstDay(node.start), lastDay(node.start), view);
    return overlaps(firstDay(node.start), lastDay(node.end), view);
  }

  /** Given a relationship ({type, start, end}) and a view, returns whether the slider shows it (its ends aside). */
  function edgeVisible(edge, view) {
    if (edge.type === 'SUCCEEDED_BY' || (!edge.start && !edge.end)) return true;
    if (HIERARCHY_TYPES.includes(edge.type)) {
      const day = hierarchyDay(view);
      return day === null ? overlaps(firstDay(edge.start), lastDay(edge.end), view) : validOn(edge, day);
    }
    return overlaps(firstDay(edge.start), lastDay(edge.end), view);
  }

  /** Given nodes and relationships, returns the first and last year of their dates outside the hierarchy, or null when none is dated. */
  function yearSpan(nodes, edges) {
    let min = null;
    let max = null;
    const see = (partial) => {
      const day = firstDay(partial);
      if (day === null) return;
      const year = Number(day.slice(0, 4));
      if (min === null || year < min) min = year;
      if (max === null || year > max) max = year;
    };
    for (const n of nodes) {
      if (HIERARCHY_KINDS.includes(n.kind)) continue;
      see(n.start);
      see(n.end);
    }
    for (const e of edges) {
      if (HIERARCHY_TYPES.includes(e.type) || e.type === 'SUCCEEDED_BY') continue;
      see(e.start);
      see(e.end);
    }
    return min === null ? null : { min, max };
  }

  return { MERGER_DAY, HIERARCHY_MODES, firstDay, lastDay, hierarchyDay, hierarchyReading, nodeVisible, edgeVisible, yearSpan };
});
