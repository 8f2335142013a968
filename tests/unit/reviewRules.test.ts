import { parse } from 'graphql';
import { readEdits } from '../../src/review/acceptEdits';
import { readArticleInput } from '../../src/review/articleInput';
import { entityId, freeId } from '../../src/review/entitySlug';
import { newEntityRecord } from '../../src/review/newEntityRecord';
import { confidenceAfter, hostOf, mergedConfidence, withSource } from '../../src/review/provenance';
import type { NewEntityProposal } from '../../src/ingestion/proposal';
import { entityIdsIn } from '../../src/review/nameKeysRefreshPlugin';

describe('provenance', () => {
  it('starts a fact at SINGLE_SOURCE and confirms it when a second publisher supports it', () => {
    expect(confidenceAfter(null, ['Báo Hà Giang'])).toBe('SINGLE_SOURCE');
    expect(confidenceAfter('SINGLE_SOURCE', ['Báo Hà Giang', 'báo hà giang '])).toBe('SINGLE_SOURCE');
    expect(confidenceAfter('SINGLE_SOURCE', ['Báo Hà Giang', 'Nhân Dân'])).toBe('CONFIRMED');
    expect(confidenceAfter('CONFIRMED', ['Báo Hà Giang'])).toBe('CONFIRMED');
  });

  it('never lifts an UNVERIFIED fact, nor merges a doubt away', () => {
    expect(confidenceAfter('UNVERIFIED', ['a', 'b', 'c'])).toBe('UNVERIFIED');
    expect(mergedConfidence('CONFIRMED', 'UNVERIFIED', ['a', 'b'])).toBe('UNVERIFIED');
    expect(mergedConfidence('SINGLE_SOURCE', 'CONFIRMED', ['a'])).toBe('CONFIRMED');
    expect(mergedConfidence('SINGLE_SOURCE', 'SINGLE_SOURCE', ['a', 'b'])).toBe('CONFIRMED');
  });

  it('adds a story once, and reads a URL source as its host', () => {
    expect(withSource(['story:a'], 'story:b')).toEqual(['story:a', 'story:b']);
    expect(withSource(['story:a'], 'story:a')).toEqual(['story:a']);
    expect(hostOf('https://www.nhandan.vn/x')).toBe('nhandan.vn');
  });
});

describe('entity ids', () => {
  it('are readable slugs of the name, with a free suffix when taken', () => {
    expect(entityId('Person', 'Cao Hoài Đức')).toBe('person:cao-hoai-duc');
    expect(entityId('Agency', 'Phòng Cảnh sát PCCC&CNCH')).toBe('agency:phong-canh-sat-pccc-cnch');
    expect(entityId('Award', '—')).toMatch(/^award:x-[0-9a-f]{8}$/);
    expect(freeId('person:a', new Set(['person:a', 'person:a-2']))).toBe('person:a-3');
  });
});

describe('an article to ingest', () => {
  const base = { url: 'https://example.org/a#top', title: 'Tin', publisher: 'Báo', publishedAt: '2024-06-30', text: 'Hà Giang.' };

  it('is read with its URL without the fragment', () => {
    expect(readArticleInput(base)).toMatchObject({ url: 'https://example.org/a', from: 'TEXT' });
  });

  it.each([
    [{ url: 'javascript:alert(1)' }, 'url'],
    [{ publishedAt: '30/06/2024' }, 'publishedAt'],
    [{ title: '' }, 'title'],
    [{ text: null }, 'text'],
    [{ html: '<p>x</p>' }, 'html'],
  ])('is refused naming the field: %j', (change, field) => {
    expect(() => readArticleInput({ ...base, ...change })).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', argument: field }),
    );
  });
});

describe('edits on accept', () => {
  it('apply only to the kinds that take them, with values of the domain', () => {
    expect(readEdits({ role: 'Trưởng phòng' }, 'RELATIONSHIP', undefined)).toMatchObject({ role: 'Trưởng phòng' });
    expect(() => readEdits({ role: 'x' }, 'LINK', 'Person')).toThrow(expect.objectContaining({ argument: 'edits.role' }));
    expect(() => readEdits({ level: 'PROVINCE' }, 'NEW_ENTITY', 'Person')).toThrow(
      expect.objectContaining({ argument: 'edits.level' }),
    );
    expect(readEdits({ level: 'PROVINCE' }, 'NEW_ENTITY', 'Agency')).toMatchObject({ level: 'PROVINCE' });
    expect(() => readEdits({ date: '2024-02-30' }, 'NEW_ENTITY', 'Award')).toThrow(
      expect.objectContaining({ argument: 'edits.date' }),
    );
    expect(() => readEdits({ entityKind: 'PLANET' }, 'NEW_ENTITY', 'Person')).toThrow(
      expect.objectContaining({ argument: 'edits.entityKind' }),
    );
  });
});

describe('a new entity from a proposal', () => {
  const award: NewEntityProposal = {
    id: 'new_entity:1',
    kind: 'NEW_ENTITY',
    status: 'PENDING',
    label: 'Award',
    name: 'Giấy khen',
    properties: {
      form: 'GIAY_KHEN',
      category: 'STATE',
      level: 'UNIT',
      issuerKind: 'DISTRICT_CHAIR',
      date: '2024-06',
      decisionNo: '842/QĐ-UBND',
    },
    occurrences: [],
    evidence: {
      selectors: [
        { type: 'TextQuoteSelector', exact: 'Giấy khen', prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start: 0, end: 9 },
      ],
      extractor: { name: 'x', version: '0' },
      confidence: 0.7,
      reasons: [],
    },
    flags: [],
  };

  it('keeps the properties its label knows, the story as source, and a month-dated award as its year', () => {
    const { label, properties } = newEntityRecord(award, { overrideConferral: false }, 'award:giay-khen', 'story:s');
    expect(label).toBe('Award');
    expect(properties).toMatchObject({
      id: 'award:giay-khen',
      form: 'GIAY_KHEN',
      decisionNo: '842/QĐ-UBND',
      year: 2024,
      sources: ['story:s'],
      confidence: 'SINGLE_SOURCE',
      recipientsResolved: false,
      nameAscii: 'Giay khen',
    });
    expect(properties).not.toHaveProperty('issuerKind');
    expect(properties).not.toHaveProperty('date');
  });

  it('asks for what another label needs', () => {
    expect(() => newEntityRecord(award, { overrideConferral: false, label: 'Collective' }, 'collective:x', 'story:s')).toThrow(
      expect.objectContaining({ argument: 'edits.kind' }),
    );
  });
});

describe('the ids a generated mutation names', () => {
  it('are read from its literals and its variables, and nothing else', () => {
    const document = parse(
      'mutation($input: [FieldCreateInput!]!) { createFields(input: $input) { fields { id } } updatePeople(where: { id: { eq: "person:luu-minh-thuc" } }, update: { note: { set: "x: y" } }) { people { id } } }',
    );
    expect(
      entityIdsIn(document, { input: [{ id: 'field:test', name: 'Thử', sources: ['https://example.org/a'] }] }).sort(),
    ).toEqual(['field:test', 'person:luu-minh-thuc']);
  });
});
