import { SeedValidationError, validateDataset, type RawFile } from '../../src/importer/validateDataset';

const story = {
  id: 'story:a',
  name: 'A',
  title: 'A story',
  channel: 'NEWS',
  sources: ['https://example.org/a'],
  confidence: 'CONFIRMED',
};
const place = { id: 'place:xa-a', name: 'xã A', level: 'COMMUNE', sources: ['story:a'], confidence: 'SINGLE_SOURCE' };
const district = { id: 'place:huyen-b', name: 'huyện B', level: 'DISTRICT', sources: ['story:a'], confidence: 'SINGLE_SOURCE' };

function files(overrides: Partial<Record<string, unknown[]>>): RawFile[] {
  return [
    { file: 'stories.json', label: 'Story', content: overrides.stories ?? [story] },
    { file: 'places.json', label: 'Place', content: overrides.places ?? [place, district] },
    { file: 'relationships.json', label: 'relationships', content: overrides.relationships ?? [] },
  ];
}

function problemsOf(input: RawFile[]): string[] {
  try {
    validateDataset(input);
  } catch (error) {
    if (error instanceof SeedValidationError) return error.problems.map((p) => `${p.file} ${p.path}: ${p.message}`);
    throw error;
  }
  return [];
}

describe('validateDataset', () => {
  it('accepts a consistent dataset', () => {
    const dataset = validateDataset(
      files({
        relationships: [
          {
            type: 'PART_OF',
            from: 'place:xa-a',
            to: 'place:huyen-b',
            validTo: '2025-06-30',
            sources: ['story:a'],
            confidence: 'CONFIRMED',
          },
        ],
      }),
    );
    expect(dataset.nodes).toHaveLength(3);
    expect(dataset.relationships).toHaveLength(1);
  });

  it('reports every problem with its file and record path', () => {
    const problems = problemsOf(
      files({
        places: [
          { ...place, level: 'HAMLET' },
          { ...district, validTo: '2025-02-30', colour: 'red' },
        ],
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^places\.json \[0\]\.level: /),
        'places.json [1].validTo: is not a calendar date',
        expect.stringMatching(/^places\.json \[1\]: .*colour/),
      ]),
    );
  });

  it('rejects duplicate ids, unknown sources and ill-typed relationship ends', () => {
    const problems = problemsOf(
      files({
        places: [place, { ...place, sources: ['story:missing'] }],
        relationships: [
          { type: 'OCCURRED_IN', from: 'place:xa-a', to: 'story:a', sources: ['story:a'], confidence: 'CONFIRMED' },
          { type: 'PART_OF', from: 'place:xa-a', to: 'place:nowhere', sources: ['story:a'], confidence: 'CONFIRMED' },
        ],
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        'places.json [1].id: duplicate id place:xa-a',
        'places.json [1].sources[0]: unknown story story:missing',
        'relationships.json [0].from: OCCURRED_IN cannot start at a Place',
        'relationships.json [0].to: OCCURRED_IN cannot end at a Story',
        'relationships.json [1].to: unknown node place:nowhere',
      ]),
    );
  });

  it('rejects a property the relationship type does not have, and duplicate triples', () => {
    const rel = { type: 'PART_OF', from: 'place:xa-a', to: 'place:huyen-b', sources: ['story:a'], confidence: 'CONFIRMED' };
    const problems = problemsOf(files({ relationships: [{ ...rel, role: 'x' }, rel] }));
    expect(problems).toEqual(
      expect.arrayContaining([
        'relationships.json [0].role: PART_OF has no property role',
        'relationships.json [1]: duplicate PART_OF from place:xa-a to place:huyen-b',
      ]),
    );
  });

  it('requires at least one source and a known confidence on every record', () => {
    const problems = problemsOf(files({ stories: [{ ...story, sources: [], confidence: 'PROBABLY' }] }));
    expect(problems).toEqual(
      expect.arrayContaining([
        'stories.json [0].sources: needs at least one source',
        expect.stringMatching(/^stories\.json \[0\]\.confidence: /),
      ]),
    );
  });

  it('rejects names that are not NFC, so one name is never stored two ways', () => {
    const problems = problemsOf(files({ places: [{ ...place, name: 'xã Pải Lủng'.normalize('NFD') }, district] }));
    expect(problems).toContain('places.json [0].name: must be NFC-normalised');
  });
});
