/**
 * The province-level units of Việt Nam before and after the merger of 1 July 2025, with their GSO
 * codes, as the boundary data's own upstream (thanglequoc/vietnamese-provinces-database, MIT) lists
 * them:
 * - the 63 before: tag v2.4.1 (commit fc33b741), `mysql/ImportData_vn_units.sql`, table `provinces`;
 * - the 34 after: commit cd58063 (the commit the 34 boundaries come from),
 *   `dataset-generation-scripts/resources/manual_seeds/provinces_seed.sql`.
 * Names are the bare names of those tables in NFC ("Hà Giang"); "Hoà Bình" is written "Hòa Bình"
 * like "Khánh Hòa" and "Thanh Hóa" in the same table, so one spelling rule holds for every name.
 */

/** How a province-level unit is called: a province, or a centrally-run city. */
export type ProvinceUnit = 'tỉnh' | 'thành phố';

export interface ProvinceRow {
  /** Two-digit GSO code. */
  readonly code: string;
  /** Bare name, NFC. */
  readonly name: string;
  readonly unit: ProvinceUnit;
}

const CITY_CODES = new Set(['01', '31', '46', '48', '79', '92']);

function rows(table: string): readonly ProvinceRow[] {
  return table
    .trim()
    .split('\n')
    .map((line) => {
      const [code, name] = line.split('|').map((cell) => cell.trim().normalize('NFC'));
      if (!code || !name) throw new Error(`provinceTables: bad row "${line}"`);
      return Object.freeze({ code, name, unit: CITY_CODES.has(code) ? 'thành phố' : 'tỉnh' } as const);
    });
}

/** The 63 provinces and centrally-run cities that stood until 30 June 2025. */
export const PROVINCES_63: readonly ProvinceRow[] = rows(`
01|Hà Nội
02|Hà Giang
04|Cao Bằng
06|Bắc Kạn
08|Tuyên Quang
10|Lào Cai
11|Điện Biên
12|Lai Châu
14|Sơn La
15|Yên Bái
17|Hòa Bình
19|Thái Nguyên
20|Lạng Sơn
22|Quảng Ninh
24|Bắc Giang
25|Phú Thọ
26|Vĩnh Phúc
27|Bắc Ninh
30|Hải Dương
31|Hải Phòng
33|Hưng Yên
34|Thái Bình
35|Hà Nam
36|Nam Định
37|Ninh Bình
38|Thanh Hóa
40|Nghệ An
42|Hà Tĩnh
44|Quảng Bình
45|Quảng Trị
46|Huế
48|Đà Nẵng
49|Quảng Nam
51|Quảng Ngãi
52|Bình Định
54|Phú Yên
56|Khánh Hòa
58|Ninh Thuận
60|Bình Thuận
62|Kon Tum
64|Gia Lai
66|Đắk Lắk
67|Đắk Nông
68|Lâm Đồng
70|Bình Phước
72|Tây Ninh
74|Bình Dương
75|Đồng Nai
77|Bà Rịa - Vũng Tàu
79|Hồ Chí Minh
80|Long An
82|Tiền Giang
83|Bến Tre
84|Trà Vinh
86|Vĩnh Long
87|Đồng Tháp
89|An Giang
91|Kiên Giang
92|Cần Thơ
93|Hậu Giang
94|Sóc Trăng
95|Bạc Liêu
96|Cà Mau
`);

/** The 34 provinces and centrally-run cities from 1 July 2025 (Nghị quyết 202/2025/QH15). */
export const PROVINCES_34: readonly ProvinceRow[] = rows(`
01|Hà Nội
04|Cao Bằng
08|Tuyên Quang
11|Điện Biên
12|Lai Châu
14|Sơn La
15|Lào Cai
19|Thái Nguyên
20|Lạng Sơn
22|Quảng Ninh
24|Bắc Ninh
25|Phú Thọ
31|Hải Phòng
33|Hưng Yên
37|Ninh Bình
38|Thanh Hóa
40|Nghệ An
42|Hà Tĩnh
44|Quảng Trị
46|Huế
48|Đà Nẵng
51|Quảng Ngãi
52|Gia Lai
56|Khánh Hòa
66|Đắk Lắk
68|Lâm Đồng
75|Đồng Nai
79|Hồ Chí Minh
80|Tây Ninh
82|Đồng Tháp
86|Vĩnh Long
91|An Giang
92|Cần Thơ
96|Cà Mau
`);

/** Given a unit and a bare name, returns the name as written with its unit ("tỉnh Hà Giang", "thành phố Huế"). */
export function fullProvinceName(row: Pick<ProvinceRow, 'name' | 'unit'>): string {
  return `${row.unit} ${row.name}`;
}
