import type * as ExcelJSModule from 'exceljs';
import { BadInputError } from '../errors/domainErrors';
import type { ExportValue } from './exportGraph';
import type { DashboardExport, PanelColumn } from './exportPanels';
import { validatePanel } from './validatePanel';

/** Excel's rules for a sheet name: at most 31 characters, none of : \ / ? * [ ], not starting or ending with an apostrophe. */
const SHEET_NAME_MAX = 31;

/** Given a panel's title and the names taken, returns a sheet name Excel accepts, unique in the workbook. */
export function sheetName(title: string, taken: ReadonlySet<string>): string {
  const base =
    title
      .normalize('NFC')
      .replace(/[:\\/?*[\]]/g, ' ')
      .replace(/^'+|'+$/g, '')
      .replace(/\s+/g, ' ')
      .trim() || 'Sheet';
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : ` (${n})`;
    const name = `${base.slice(0, SHEET_NAME_MAX - suffix.length).trimEnd()}${suffix}`;
    // Excel compares sheet names case-insensitively.
    if (![...taken].some((t) => t.toLowerCase() === name.toLowerCase())) return name;
  }
}

const NUMBER_FORMATS: Record<NonNullable<PanelColumn['format']>, string | undefined> = {
  text: undefined,
  integer: '#,##0',
  decimal: '#,##0.000',
};

function cell(value: ExportValue): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return typeof value === 'string' ? value.normalize('NFC') : value;
}

/**
 * exceljs, required on the first workbook rather than when the server starts: it holds about
 * 12 MB resident, and most API processes never write a workbook (issue 12, item 4).
 */
function excel(): typeof ExcelJSModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see above
  return require('exceljs') as typeof ExcelJSModule;
}

/**
 * Given a dashboard's panels and filters, returns an XLSX workbook (exceljs): one sheet per panel,
 * named after its title; at the top of each sheet the dashboard's title, the panel's title and one
 * row per filter (label, value), a blank row, then the table with a bold header row (frozen, with
 * an auto filter) and the panel's note under it. Numbers stay numbers (Excel formats them in the
 * reader's locale); text is written as text, never as a formula. Throws BAD_USER_INPUT on a
 * dashboard without panels or a panel validatePanel refuses.
 */
export async function writeDashboardXlsx(dashboard: DashboardExport): Promise<Uint8Array> {
  if (dashboard.panels.length === 0) throw new BadInputError('panels', [], 'a workbook needs at least one panel');
  const workbook = new (excel().Workbook)();
  workbook.creator = 'exemplar-graph';
  workbook.title = dashboard.title;
  if (dashboard.exportedAt) {
    workbook.created = new Date(dashboard.exportedAt);
    workbook.modified = new Date(dashboard.exportedAt);
  }
  // Check every panel before writing any: no half-written workbook.
  dashboard.panels.forEach(validatePanel);
  const taken = new Set<string>();
  for (const panel of dashboard.panels) {
    const name = sheetName(panel.title, taken);
    taken.add(name);
    const sheet = workbook.addWorksheet(name);
    sheet.addRow([dashboard.title]).font = { bold: true, size: 14 };
    sheet.addRow([panel.title]).font = { bold: true };
    for (const filter of dashboard.filters) sheet.addRow([filter.label, filter.value]);
    sheet.addRow([]);
    const header = sheet.addRow(panel.columns.map((c) => c.label));
    header.font = { bold: true };
    const headerRow = header.number;
    for (const row of panel.rows) sheet.addRow(panel.columns.map((c) => cell(row[c.key])));
    panel.columns.forEach((column, index) => {
      const sheetColumn = sheet.getColumn(index + 1);
      const format = NUMBER_FORMATS[column.format ?? 'text'];
      if (format) {
        for (let r = headerRow + 1; r <= headerRow + panel.rows.length; r++) sheet.getCell(r, index + 1).numFmt = format;
      }
      const widest = Math.max(column.label.length, ...panel.rows.map((row) => String(row[column.key] ?? '').length));
      sheetColumn.width = Math.min(60, Math.max(10, widest + 2));
    });
    if (panel.columns.length > 0) {
      sheet.views = [{ state: 'frozen', ySplit: headerRow }];
      sheet.autoFilter = {
        from: { row: headerRow, column: 1 },
        to: { row: headerRow + panel.rows.length, column: panel.columns.length },
      };
    }
    if (panel.note) {
      sheet.addRow([]);
      sheet.addRow([panel.note]).font = { italic: true };
    }
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
