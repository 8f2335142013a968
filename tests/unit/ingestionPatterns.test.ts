import { findAgencyPatterns } from '../../src/ingestion/findAgencyPatterns';
import { findAwardPatterns } from '../../src/ingestion/findAwardPatterns';
import { findDecisionNumbers } from '../../src/ingestion/findDecisionNumbers';
import { extractDates } from '../../src/ingestion/extractDates';
import { findPersonPatterns } from '../../src/ingestion/findPersonPatterns';
import { findPlacePatterns } from '../../src/ingestion/findPlacePatterns';
import { prepareText } from '../../src/ingestion/prepareText';

// Names in these sentences are made up for the patterns; they are not facts (and never in seeds/).
describe('findPersonPatterns', () => {
  it('reads a name after a rank, keeping the rank as written', () => {
    const [person] = findPersonPatterns(prepareText('Thượng tá Nguyễn Văn Trường chỉ huy lực lượng.'));
    expect(person?.name).toBe('Nguyễn Văn Trường');
    expect(person?.properties).toMatchObject({ rankAsInSource: 'Thượng tá' });
  });

  it('reads a chain of titles (honorific and rank) and address forms', () => {
    const found = findPersonPatterns(prepareText('Liệt sĩ Thượng úy Lưu Minh Thức; anh Đào Quang Vinh; bà Vừ Thị Thò.'));
    expect(found.map((p) => p.name)).toEqual(['Lưu Minh Thức', 'Đào Quang Vinh', 'Vừ Thị Thò']);
    expect(found[0]?.properties).toMatchObject({ honorific: 'Liệt sĩ', rankAsInSource: 'Thượng úy' });
  });

  it('reads three capitalised words starting with a family name without a title, but not two', () => {
    expect(findPersonPatterns(prepareText('Xe do Cao Hoài Đức điều khiển, Hà Giang mưa.')).map((p) => p.name)).toEqual([
      'Cao Hoài Đức',
    ]);
  });

  it('does not take a place or a unit for a person', () => {
    expect(findPersonPatterns(prepareText('Tại huyện Vị Xuyên và Công an tỉnh Hà Giang.')).map((p) => p.name)).toEqual([]);
  });

  it('stops a place name before the person written after it', () => {
    expect(findPersonPatterns(prepareText('Phó Chủ tịch UBND huyện Vị Xuyên Lê Thanh Hải đã đến.')).map((p) => p.name)).toEqual([
      'Lê Thanh Hải',
    ]);
  });
});

describe('findAgencyPatterns', () => {
  it('reads bodies named by head, unit word and place, with the place', () => {
    const prepared = prepareText('Công an xã Đồng Văn và UBND tỉnh Tuyên Quang phối hợp.');
    const found = findAgencyPatterns(prepared);
    expect(found.map((a) => [a.name, a.properties.level, a.properties.kind])).toEqual([
      ['Công an xã Đồng Văn', 'COMMUNE', 'POLICE'],
      ['UBND tỉnh Tuyên Quang', 'PROVINCE', 'PEOPLES_COMMITTEE'],
    ]);
    expect(found[0]?.place && prepared.text.slice(found[0].place.start, found[0].place.end)).toBe('xã Đồng Văn');
  });

  it('reads a sub-unit with the body it belongs to as its parent', () => {
    const prepared = prepareText('Phòng Cảnh sát PCCC&CNCH Công an tỉnh Tuyên Quang có mặt.');
    const [unit] = findAgencyPatterns(prepared);
    expect(unit?.name).toBe('Phòng Cảnh sát PCCC&CNCH Công an tỉnh Tuyên Quang');
    expect(unit?.parent && prepared.text.slice(unit.parent.start, unit.parent.end)).toBe('Công an tỉnh Tuyên Quang');
  });

  it('does not read "Đội trưởng" or "Đối tượng" as a unit', () => {
    expect(
      findAgencyPatterns(
        prepareText('Phó Đội trưởng Đội CSGT-TT Công an huyện Mèo Vạc; Đối tượng bị Công an tỉnh Hà Giang truy nã.'),
      ).map((a) => a.name),
    ).toEqual(['Đội CSGT-TT Công an huyện Mèo Vạc', 'Công an tỉnh Hà Giang']);
  });
});

describe('findPlacePatterns', () => {
  it('reads administrative units with the parent written after them', () => {
    const prepared = prepareText('Anh quê ở thôn Má Thắng, thị trấn Đồng Văn; xã Pải Lủng (huyện Mèo Vạc).');
    const found = findPlacePatterns(prepared);
    expect(
      found.map((p) => [p.name, p.properties.level, p.parent ? prepared.text.slice(p.parent.start, p.parent.end) : null]),
    ).toEqual([
      ['thôn Má Thắng', 'VILLAGE', 'thị trấn Đồng Văn'],
      ['thị trấn Đồng Văn', 'COMMUNE', null],
      ['xã Pải Lủng', 'COMMUNE', 'huyện Mèo Vạc'],
      ['huyện Mèo Vạc', 'DISTRICT', null],
    ]);
  });

  it('reads a numbered ward and an abbreviated city, never a word that only folds to a unit', () => {
    const found = findPlacePatterns(prepareText('Từ phường Hà Giang 1 về TP. Tuyên Quang, song Hà Giang vẫn xa Hà Nội.'));
    expect(found.map((p) => p.name)).toEqual(['phường Hà Giang 1', 'TP. Tuyên Quang']);
  });
});

describe('findAwardPatterns and findDecisionNumbers', () => {
  it('maps the forms of Law 06/2022 to AWARD_FORM with the issuer written after "của"', () => {
    const [award] = findAwardPatterns(prepareText('Đơn vị được tặng Bằng khen của Chủ tịch UBND tỉnh Hà Giang.'));
    expect(award?.properties).toMatchObject({
      form: 'BANG_KHEN',
      level: 'PROVINCE',
      issuerAsWritten: 'Chủ tịch UBND tỉnh Hà Giang',
    });
    expect(award?.issuer?.issuerKind).toBe('PROVINCE_CHAIR');
  });

  it('finds the issuer before the conferring verb, past "đã ký Quyết định số …"', () => {
    const [award] = findAwardPatterns(
      prepareText('Ngày 5/7/2024, Chủ tịch nước đã ký Quyết định số 237/QĐ-CTN tặng Huân chương Dũng cảm hạng Nhất cho ông A.'),
    );
    expect(award?.name).toBe('Huân chương Dũng cảm hạng Nhất');
    expect(award?.properties).toMatchObject({ form: 'HUAN_CHUONG', grade: 'Nhất', issuerAsWritten: 'Chủ tịch nước' });
  });

  it('tells a Youth Union certificate (non-State) from a State Bằng khen, and reads a quoted badge title', () => {
    const found = findAwardPatterns(
      prepareText(
        'Tỉnh Đoàn Hà Giang cũng tặng Bằng khen cho anh. Bí thư Tỉnh Đoàn đã trao Huy hiệu “Tuổi trẻ dũng cảm” cho anh.',
      ),
    );
    expect(found.map((a) => [a.properties.form, a.properties.category, a.properties.title ?? null])).toEqual([
      ['ORG_BANG_KHEN', 'NON_STATE', null],
      ['ORG_BADGE', 'NON_STATE', 'Tuổi trẻ dũng cảm'],
    ]);
  });

  it('takes an honorary title for an award only after a conferring word, and praise only with an issuer or in the passive', () => {
    const text =
      'Nghệ nhân nhân dân Sìn Văn Phong đến dự. Ông được phong tặng danh hiệu Nghệ nhân nhân dân. Báo chí tuyên truyền và biểu dương gương tốt. Anh được biểu dương.';
    expect(findAwardPatterns(prepareText(text)).map((a) => a.properties.form)).toEqual(['DANH_HIEU_VINH_DU', 'PRAISE']);
  });

  it('reads decision numbers and the date signed', () => {
    const prepared = prepareText('Theo Quyết định số 1625/QĐ-UBND ngày 5/7/2024 và Quyết định 237/QĐ-CTN.');
    expect(findDecisionNumbers(prepared, extractDates(prepared, '2024-07-10')).map((d) => [d.number, d.date ?? null])).toEqual([
      ['1625/QĐ-UBND', '2024-07-05'],
      ['237/QĐ-CTN', null],
    ]);
  });
});
