import { BadInputError } from '../../src/errors/domainErrors';
import { clickThroughRate } from '../../src/web/widgetCounts';
import { MAX_EVENTS, readWidgetEvents } from '../../src/web/widgetEvents';

const SOURCE = 'event:pai-lung-sinkhole-rescue-2023';
const STORY = 'story:nhandan-pai-lung-2023';

/** The field a body is refused for, or undefined when it is accepted. */
function refusedField(body: unknown): string | undefined {
  try {
    readWidgetEvents(body);
    return undefined;
  } catch (error) {
    if (error instanceof BadInputError) return error.argument;
    throw error;
  }
}

describe('readWidgetEvents', () => {
  it('sums equal events into one count and keeps the others apart', () => {
    const batch = readWidgetEvents({
      source: SOURCE,
      events: [
        { storyId: STORY, position: 1, kind: 'IMPRESSION' },
        { storyId: STORY, position: 1, kind: 'IMPRESSION' },
        { storyId: STORY, position: 2, kind: 'IMPRESSION' },
        { storyId: STORY, position: 1, kind: 'CLICK' },
      ],
    });
    expect(batch).toEqual({
      source: SOURCE,
      events: [
        { storyId: STORY, position: 1, kind: 'IMPRESSION', count: 2 },
        { storyId: STORY, position: 2, kind: 'IMPRESSION', count: 1 },
        { storyId: STORY, position: 1, kind: 'CLICK', count: 1 },
      ],
    });
  });

  it('reads nothing but the source and each event’s story, position and kind', () => {
    const batch = readWidgetEvents({
      source: SOURCE,
      reader: 'someone',
      events: [{ storyId: STORY, position: 3, kind: 'CLICK', userAgent: 'x' }],
    });
    expect(batch).toEqual({ source: SOURCE, events: [{ storyId: STORY, position: 3, kind: 'CLICK', count: 1 }] });
  });

  it.each([
    ['a list', [], 'body'],
    ['no source', { events: [] }, 'source'],
    ['a source of no known kind', { source: 'thing:x', events: [] }, 'source'],
    ['no events', { source: SOURCE }, 'events'],
    ['too many events', { source: SOURCE, events: Array.from({ length: MAX_EVENTS + 1 }, () => ({})) }, 'events'],
    ['an event that is no object', { source: SOURCE, events: [1] }, 'events[0]'],
    [
      'a story id of another kind',
      { source: SOURCE, events: [{ storyId: 'person:a', position: 1, kind: 'CLICK' }] },
      'events[0].storyId',
    ],
    ['position 21', { source: SOURCE, events: [{ storyId: STORY, position: 21, kind: 'CLICK' }] }, 'events[0].position'],
    ['position 1.5', { source: SOURCE, events: [{ storyId: STORY, position: 1.5, kind: 'CLICK' }] }, 'events[0].position'],
    ['a kind in lower case', { source: SOURCE, events: [{ storyId: STORY, position: 1, kind: 'click' }] }, 'events[0].kind'],
  ])('refuses a body with %s', (_what, body, field) => {
    expect(refusedField(body)).toBe(field);
  });
});

describe('clickThroughRate', () => {
  it('is clicks per impression to four decimals, and null without impressions', () => {
    expect(clickThroughRate(1, 3)).toBe(0.3333);
    expect(clickThroughRate(0, 5)).toBe(0);
    expect(clickThroughRate(2, 0)).toBeNull();
  });
});
