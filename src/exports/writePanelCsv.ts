import { csvText, type CsvOptions } from './csvText';
import type { ExportValue } from './exportGraph';
import type { DashboardExport, PanelTable } from './exportPanels';
import { validatePanel } from './validatePanel';

/**
 * Given a dashboard's title and filters and one of its panels, returns the panel as CSV: a header
 * block (the dashboard's title, the panel's title, one `label,value` line per filter, a blank
 * line), then the table (a header line of column labels, a line per row), then the panel's note
 * after a blank line when it has one. A reader skips to the first line after the first blank line
 * to get the table. Throws BAD_USER_INPUT on a panel validatePanel refuses.
 */
export function writePanelCsv(
  dashboard: Pick<DashboardExport, 'title' | 'filters'>,
  panel: PanelTable,
  options: CsvOptions = {},
): string {
  validatePanel(panel);
  const rows: ExportValue[][] = [
    [dashboard.title],
    [panel.title],
    ...dashboard.filters.map((f): ExportValue[] => [f.label, f.value]),
    [],
    panel.columns.map((c) => c.label),
    ...panel.rows.map((row) => panel.columns.map((c) => row[c.key])),
  ];
  if (panel.note) rows.push([], [panel.note]);
  return csvText(rows, options);
}
