import { BadInputError } from '../errors/domainErrors';
import type { PanelTable } from './exportPanels';

/** Given a panel, throws BAD_USER_INPUT when a row has a field no column names (it would be dropped silently) or two columns share a key. */
export function validatePanel(panel: PanelTable): void {
  const keys = new Set<string>();
  for (const column of panel.columns) {
    if (keys.has(column.key)) throw new BadInputError(`panel ${panel.id} column`, column.key, 'two columns have this key');
    keys.add(column.key);
  }
  for (const row of panel.rows) {
    const stray = Object.keys(row).find((key) => !keys.has(key));
    if (stray !== undefined) throw new BadInputError(`panel ${panel.id} row field`, stray, 'no column of the panel has this key');
  }
}
