import path from 'node:path';
import { buildGazetteerEntries } from '../../src/ingestion/buildGazetteerEntries';
import { readSeedEntries } from '../../src/ingestion/readSeedGazetteer';

describe('buildGazetteerEntries', () => {
  it('gives an entity the places, units, events and dates around it, one hop past events and agencies', () => {
    const [victim] = buildGazetteerEntries(
      [
        { id: 'person:v', label: 'Person', name: 'Thào Mí Ly' },
        { id: 'event:e', label: 'Event', name: 'Vụ hố sụt', date: '2023-04-03' },
        { id: 'place:c', label: 'Place', name: 'xã Pải Lủng', level: 'COMMUNE' },
        { id: 'place:d', label: 'Place', name: 'huyện Mèo Vạc', level: 'DISTRICT' },
        { id: 'agency:a', label: 'Agency', name: 'Công an xã Pải Lủng', level: 'COMMUNE' },
        { id: 'story:s', label: 'Story', name: 'Bài báo' },
      ],
      [
        { type: 'TOOK_PART_IN', from: 'person:v', to: 'event:e' },
        { type: 'OCCURRED_IN', from: 'event:e', to: 'place:c' },
        { type: 'PART_OF', from: 'place:c', to: 'place:d' },
        { type: 'TOOK_PART_IN', from: 'agency:a', to: 'event:e' },
        { type: 'FEATURES', from: 'story:s', to: 'person:v' },
      ],
    );
    expect(victim?.context).toEqual({
      placeIds: ['place:c', 'place:d'],
      directPlaceIds: [],
      agencyIds: ['agency:a'],
      eventIds: ['event:e'],
      fieldIds: [],
      personIds: [],
      awardIds: [],
      dates: ['2023-04-03'],
    });
  });

  it('reads the seeds: an event keeps its own places apart from their parents', () => {
    const event = readSeedEntries(path.join(__dirname, '../../seeds')).find(
      (e) => e.id === 'event:pai-lung-sinkhole-rescue-2023',
    );
    expect(event?.context.directPlaceIds).toEqual(['place:deo-ma-pi-leng', 'place:xa-pai-lung']);
    expect(event?.context.placeIds).toContain('place:huyen-meo-vac');
    expect(event?.date).toBe('2023-04-03');
  });
});
