import { entryKeys, MAX_KEY_WORDS } from '../../src/ingestion/entryKeys';
import { foldKey } from '../../src/ingestion/foldKey';
import type { GazetteerEntry } from '../../src/ingestion/gazetteer';
import { looseKey } from '../../src/ingestion/looseKey';
import { createMemoryGazetteer } from '../../src/ingestion/createMemoryGazetteer';

const context = {
  placeIds: [],
  directPlaceIds: [],
  agencyIds: [],
  eventIds: [],
  fieldIds: [],
  personIds: [],
  awardIds: [],
  dates: [],
};
const entry = (id: string, label: GazetteerEntry['label'], name: string, aliases: string[] = []): GazetteerEntry => ({
  id,
  label,
  name,
  aliases,
  context,
});

describe('foldKey', () => {
  it('removes diacritics, folds đ, lowers case, drops punctuation and collapses spaces', () => {
    expect(foldKey('Đào  Quang\tVinh')).toBe('dao quang vinh');
    expect(foldKey('Phòng Cảnh sát PCCC&CNCH, Công an tỉnh Hà Giang')).toBe('phong canh sat pccc&cnch cong an tinh ha giang');
    expect(foldKey('Hội đồng Thi đua – Khen thưởng Trung ương')).toBe(foldKey('Hội đồng Thi đua - Khen thưởng Trung ương'));
  });
});

describe('looseKey', () => {
  it('gives near-identical spellings of a person one key: Mí/Mý, Ly/Li, Thò/Thào', () => {
    expect(looseKey('Thào Mý Ly')).toBe('thao mi li');
    expect(looseKey('Thò Mí Ly')).toBe('thao mi li');
    expect(looseKey('Thào Mí Ly')).toBe('thao mi li');
  });

  it('keeps the y of a diphthong: Duy, Thủy and Huy are not Dui, Thui, Hui', () => {
    expect(looseKey('Nguyễn Đình Duy')).toBe('nguyen dinh duy');
    expect(looseKey('Thủy')).toBe('thuy');
  });
});

describe('entryKeys', () => {
  it('finds a place by its name and by its name without the unit word', () => {
    const keys = entryKeys(entry('place:xa-pai-lung', 'Place', 'xã Pải Lủng')).map((k) => [k.lookup, k.source]);
    expect(keys).toEqual([
      ['xa pai lung', 'NAME'],
      ['pai lung', 'BARE'],
    ]);
  });

  it('adds loose keys for people only', () => {
    expect(entryKeys(entry('person:x', 'Person', 'Thào Mý Ly')).map((k) => k.source)).toEqual(['NAME', 'LOOSE']);
    expect(entryKeys(entry('agency:x', 'Agency', 'Công an xã Pải Lủng')).map((k) => k.source)).toEqual(['NAME']);
  });

  it('looks up a long title by its first words only', () => {
    const [key] = entryKeys(
      entry(
        'story:book',
        'Story',
        'Gương người tốt, việc tốt trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
      ),
    );
    expect(key?.lookup.split(' ')).toHaveLength(MAX_KEY_WORDS);
    expect(key?.words.length).toBe(20);
  });
});

describe('createMemoryGazetteer', () => {
  it('answers a batch of keys with the entries that have any of them, each once', async () => {
    const gazetteer = createMemoryGazetteer([
      entry('place:tinh-ha-giang', 'Place', 'tỉnh Hà Giang', ['Hà Giang']),
      entry('place:tp-ha-giang', 'Place', 'thành phố Hà Giang'),
      entry('place:song-lo', 'Place', 'sông Lô'),
    ]);
    const found = await gazetteer.lookup(['ha giang', 'tinh ha giang', 'nothing']);
    expect(found.map((e) => e.id).sort()).toEqual(['place:tinh-ha-giang', 'place:tp-ha-giang']);
    expect((await gazetteer.byIds(['place:song-lo', 'place:none'])).map((e) => e.id)).toEqual(['place:song-lo']);
  });
});
