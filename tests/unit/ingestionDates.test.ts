import { extractDates } from '../../src/ingestion/extractDates';
import { prepareText } from '../../src/ingestion/prepareText';

const read = (text: string, publishedAt: string) =>
  extractDates(prepareText(text), publishedAt).map((d) => [d.text, d.value, d.until ?? null]);

describe('extractDates', () => {
  it('reads whole dates written with slashes, dashes or words', () => {
    expect(read('Ngày 03/4/2023, ngày 17-2-2018 và ngày 3 tháng 4 năm 2023.', '2023-05-01')).toEqual([
      ['03/4/2023', '2023-04-03', null],
      ['17-2-2018', '2018-02-17', null],
      ['ngày 3 tháng 4 năm 2023', '2023-04-03', null],
    ]);
  });

  it('gives a day and month without year the publication year', () => {
    expect(read('Khoảng 9 giờ sáng 3/4, xe rơi xuống vực. Sáng 3-4 trời mưa.', '2023-04-04')).toEqual([
      ['3/4', '2023-04-03', null],
      ['3-4', '2023-04-03', null],
    ]);
  });

  it('takes the previous year when the date would fall more than a week after publication', () => {
    expect(read('Hôm 28/12, đoàn lên bản.', '2024-01-02')).toEqual([['28/12', '2023-12-28', null]]);
  });

  it('reads months, years and ranges of days', () => {
    expect(read('Tháng 10/2020 và tháng 12 năm 2019; từ năm 2018; trong hai ngày 9-10/6/2024.', '2024-06-15')).toEqual([
      ['Tháng 10/2020', '2020-10', null],
      ['tháng 12 năm 2019', '2019-12', null],
      ['năm 2018', '2018', null],
      ['9-10/6/2024', '2024-06-09', '2024-06-10'],
    ]);
  });

  it('leaves fractions, decision numbers and impossible dates alone', () => {
    expect(read('3/4 số hộ; Quyết định số 362/PC45; ngày 31/2/2023.', '2023-05-01')).toEqual([]);
  });
});
