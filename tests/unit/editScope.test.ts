import { editScope } from '../../src/writes/editScope';
import type { Revision } from '../../src/writes/revisionLayout';

function revision(partial: Partial<Revision> & Pick<Revision, 'entityId' | 'entityLabel'>): Revision {
  return {
    id: `r-${partial.entityId}`,
    tx: 1,
    at: '2026-01-01T00:00:00Z',
    actor: 'tests',
    operation: 'test',
    source: null,
    requestId: 'q',
    revertOf: null,
    change: 'UPDATE',
    before: null,
    after: null,
    relationships: [],
    ...partial,
  };
}

describe('editScope', () => {
  it('looks from every entity changed and the other end of every relationship changed, a deleted one included', () => {
    const scope = editScope([
      revision({
        entityId: 'event:gone',
        entityLabel: 'Event',
        change: 'DELETE',
        relationships: [
          { change: 'REMOVED', type: 'TOOK_PART_IN', outgoing: false, otherId: 'person:a', before: {}, after: null },
          { change: 'REMOVED', type: 'OCCURRED_IN', outgoing: true, otherId: 'place:x', before: {}, after: null },
        ],
      }),
      revision({
        entityId: 'place:x',
        entityLabel: 'Place',
        relationships: [
          { change: 'REMOVED', type: 'OCCURRED_IN', outgoing: false, otherId: 'event:gone', before: {}, after: null },
        ],
      }),
    ]);
    expect(scope).toEqual({ whole: false, ids: ['event:gone', 'person:a', 'place:x'], fields: [] });
  });

  it('names a changed field outright, so a deleted field loses its cells', () => {
    expect(editScope([revision({ entityId: 'field:gone', entityLabel: 'Field', change: 'DELETE' })])).toMatchObject({
      whole: false,
      fields: ['field:gone'],
    });
  });

  it.each([
    ['a place renamed', revision({ entityId: 'place:x', entityLabel: 'Place', before: { name: 'A' }, after: { name: 'B' } })],
    [
      'a place moved to another unit',
      revision({
        entityId: 'place:x',
        entityLabel: 'Place',
        relationships: [{ change: 'ADDED', type: 'PART_OF', outgoing: true, otherId: 'place:y', before: null, after: {} }],
      }),
    ],
    [
      'a natural feature located in a unit',
      revision({
        entityId: 'place:river',
        entityLabel: 'Place',
        relationships: [{ change: 'ADDED', type: 'LOCATED_IN', outgoing: true, otherId: 'place:y', before: null, after: {} }],
      }),
    ],
    ['an agency renamed', revision({ entityId: 'agency:g', entityLabel: 'Agency', before: { name: 'A' }, after: { name: 'B' } })],
  ])('rebuilds the cube whole for %s (its dictionary and rollups depend on it)', (_what, r) => {
    expect(editScope([r])).toMatchObject({ whole: true });
  });

  it('rebuilds the cube whole for an import of more revisions than it applies one by one', () => {
    const many = Array.from({ length: 3 }, (_, i) => revision({ entityId: `story:${i}`, entityLabel: 'Story' }));
    expect(editScope(many, 2)).toEqual({ whole: true, reason: '3 revisions (more than 2)' });
    expect(editScope(many, 3)).toMatchObject({ whole: false });
  });
});
