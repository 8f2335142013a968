import type { ExportValue } from './exportGraph';

/**
 * What the dashboard exports: its panels as tables, and the filters they were computed with.
 * Labels are whatever the page shows (Vietnamese first); the writers add no words of their own
 * except those passed in `labels`.
 */

export interface PanelColumn {
  /** The row field to read. */
  readonly key: string;
  /** The header shown. */
  readonly label: string;
  /** How a spreadsheet should show it; `text` when absent. Dates stay ISO text: a partial date ("2024-10") is no spreadsheet date. */
  readonly format?: 'text' | 'integer' | 'decimal';
}

export interface PanelTable {
  /** A short id, used for the file or sheet name ("exemplars", "awards-by-form"). */
  readonly id: string;
  /** The panel's title as the page shows it. */
  readonly title: string;
  readonly columns: readonly PanelColumn[];
  readonly rows: readonly Readonly<Record<string, ExportValue>>[];
  /** A line under the table: the undated facts left out, what a figure means. */
  readonly note?: string;
}

/** One filter of the dashboard as the page shows it ("Lĩnh vực", "Cứu nạn, cứu hộ"). */
export interface FilterEntry {
  readonly label: string;
  readonly value: string;
}

export interface DashboardExport {
  /** The dashboard's title. */
  readonly title: string;
  /** The filters in force, written at the top of every file and sheet. */
  readonly filters: readonly FilterEntry[];
  readonly panels: readonly PanelTable[];
  /** The moment of the export (ISO date-time), written into the workbook's properties when given. */
  readonly exportedAt?: string;
}
