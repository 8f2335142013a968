/* global module */
/**
 * Undo and redo for the explorer: a bounded stack of snapshots (whatever the page records: its
 * nodes, edges and positions). Pure; unit-tested in Node, run as is in the page.
 */
(function (root, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory();
  else root.ExploreHistory = factory();
})(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  /**
   * Given how many steps to keep, returns a history: `record(snapshot)` makes it the present (the
   * old present goes on the undo stack, the redo stack is cleared), `undo()` and `redo()` move and
   * return the new present (null when there is nothing to move to), `canUndo()`, `canRedo()`, `present()`.
   */
  function createHistory(limit) {
    const keep = limit || 50;
    const past = [];
    const future = [];
    let present = null;
    return {
      record(snapshot) {
        if (present !== null) {
          past.push(present);
          if (past.length > keep) past.shift();
        }
        present = snapshot;
        future.length = 0;
      },
      undo() {
        if (past.length === 0) return null;
        future.push(present);
        present = past.pop();
        return present;
      },
      redo() {
        if (future.length === 0) return null;
        past.push(present);
        present = future.pop();
        return present;
      },
      canUndo: () => past.length > 0,
      canRedo: () => future.length > 0,
      present: () => present,
    };
  }

  return { createHistory };
});
