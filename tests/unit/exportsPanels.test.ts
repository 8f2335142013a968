import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { DashboardExport } from '../../src/exports/exportPanels';
import { sheetName, writeDashboardXlsx } from '../../src/exports/writeDashboardXlsx';
import { writePanelCsv } from '../../src/exports/writePanelCsv';

// A field dashboard for 2023 as the page would hand it over: two panels and the filters in force.
// Figures are made up for the writer's sake; only their round trip is checked.
const DASHBOARD: DashboardExport = {
  title: 'Bảng điều khiển lĩnh vực: Cứu nạn, cứu hộ',
  filters: [
    { label: 'Lĩnh vực', value: 'Cứu nạn, cứu hộ' },
    { label: 'Từ ngày', value: '01/01/2023' },
    { label: 'Đến ngày', value: '31/12/2023' },
    { label: 'Địa bàn', value: 'tỉnh Hà Giang' },
  ],
  panels: [
    {
      id: 'exemplars',
      title: 'Gương điển hình theo tỉnh',
      columns: [
        { key: 'province', label: 'Tỉnh' },
        { key: 'count', label: 'Số gương', format: 'integer' },
        { key: 'share', label: 'Tỉ lệ', format: 'decimal' },
        { key: 'note', label: 'Ghi chú' },
      ],
      rows: [
        { province: 'tỉnh Hà Giang', count: 3, share: 0.75, note: 'gồm "Đội cứu hộ", xã Pải Lủng\nvà <nhóm> & hộ dân' },
        { province: 'tỉnh Tuyên Quang', count: 1, share: 0.25, note: null },
      ],
      note: 'Không xếp được theo thời gian: person:nguyen-dinh-duy',
    },
    {
      id: 'awards',
      title: 'Khen thưởng: theo hình thức / cấp [2023]',
      columns: [
        { key: 'form', label: 'Hình thức' },
        { key: 'count', label: 'Số lượng', format: 'integer' },
      ],
      rows: [{ form: '=Bằng khen', count: 2 }],
    },
  ],
  exportedAt: '2026-01-15T08:00:00Z',
};

describe('writePanelCsv', () => {
  const text = writePanelCsv(DASHBOARD, DASHBOARD.panels[0]!, { bom: true });
  const lines: string[][] = parse(text, { bom: true, relax_column_count: true });

  it('writes the titles and the filters in a header block, then a blank line', () => {
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(lines.slice(0, 6)).toEqual([
      ['Bảng điều khiển lĩnh vực: Cứu nạn, cứu hộ'],
      ['Gương điển hình theo tỉnh'],
      ['Lĩnh vực', 'Cứu nạn, cứu hộ'],
      ['Từ ngày', '01/01/2023'],
      ['Đến ngày', '31/12/2023'],
      ['Địa bàn', 'tỉnh Hà Giang'],
    ]);
    expect(lines[6]).toEqual(['']);
  });

  it('then the table, Vietnamese and escaped text read back as written, and the note', () => {
    expect(lines[7]).toEqual(['Tỉnh', 'Số gương', 'Tỉ lệ', 'Ghi chú']);
    expect(lines[8]).toEqual(['tỉnh Hà Giang', '3', '0.75', 'gồm "Đội cứu hộ", xã Pải Lủng\nvà <nhóm> & hộ dân']);
    expect(lines[9]).toEqual(['tỉnh Tuyên Quang', '1', '0.25', '']);
    expect(lines.slice(10)).toEqual([[''], ['Không xếp được theo thời gian: person:nguyen-dinh-duy']]);
  });

  it('refuses a row field no column names rather than drop it', () => {
    const panel = { id: 'p', title: 'P', columns: [{ key: 'a', label: 'A' }], rows: [{ a: 1, b: 2 }] };
    expect(() => writePanelCsv(DASHBOARD, panel)).toThrow(/Invalid panel p row field "b"/);
  });
});

describe('writeDashboardXlsx', () => {
  it('writes one sheet per panel, with the filters at the top and the table under them', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await writeDashboardXlsx(DASHBOARD)) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Gương điển hình theo tỉnh', 'Khen thưởng theo hình thức cấp']);
    const sheet = workbook.worksheets[0]!;
    const row = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(row(1)).toEqual(['Bảng điều khiển lĩnh vực: Cứu nạn, cứu hộ']);
    expect(row(2)).toEqual(['Gương điển hình theo tỉnh']);
    expect(row(3)).toEqual(['Lĩnh vực', 'Cứu nạn, cứu hộ']);
    expect(row(6)).toEqual(['Địa bàn', 'tỉnh Hà Giang']);
    expect(row(7)).toEqual([]);
    expect(row(8)).toEqual(['Tỉnh', 'Số gương', 'Tỉ lệ', 'Ghi chú']);
    expect(sheet.getRow(8).font?.bold).toBe(true);
    expect(row(9)).toEqual(['tỉnh Hà Giang', 3, 0.75, 'gồm "Đội cứu hộ", xã Pải Lủng\nvà <nhóm> & hộ dân']);
    expect(sheet.getCell(9, 2).numFmt).toBe('#,##0');
    expect(row(10)).toEqual(['tỉnh Tuyên Quang', 1, 0.25]);
    expect(row(12)).toEqual(['Không xếp được theo thời gian: person:nguyen-dinh-duy']);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 8 });
  });

  it('writes text that looks like a formula as text', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await writeDashboardXlsx(DASHBOARD)) as unknown as ArrayBuffer);
    const cell = workbook.worksheets[1]!.getCell(9, 1);
    expect(cell.value).toBe('=Bằng khen');
    expect(cell.type).toBe(ExcelJS.ValueType.String);
  });

  it('refuses a dashboard without panels', async () => {
    await expect(writeDashboardXlsx({ ...DASHBOARD, panels: [] })).rejects.toThrow(/at least one panel/);
  });
});

describe('sheetName', () => {
  it("keeps to Excel's rules: 31 characters, no []:*?/\\, unique whatever the case", () => {
    expect(sheetName('Khen thưởng: theo hình thức / cấp [2023]', new Set())).toBe('Khen thưởng theo hình thức cấp');
    expect(sheetName('a'.repeat(40), new Set())).toHaveLength(31);
    expect(sheetName('Giải thưởng', new Set(['giải thưởng']))).toBe('Giải thưởng (2)');
    expect(sheetName("'?*'", new Set())).toBe('Sheet');
  });
});
