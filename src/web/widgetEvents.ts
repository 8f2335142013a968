import { labelOfId } from '../domain/labels';
import { BadInputError } from '../errors/domainErrors';

/** What the widget counts: a related story seen (at least half visible for one second) or followed. */
export const WIDGET_EVENT_KINDS = ['IMPRESSION', 'CLICK'] as const;
export type WidgetEventKind = (typeof WIDGET_EVENT_KINDS)[number];

/** The most events one request may carry (a widget shows at most 20 stories). */
export const MAX_EVENTS = 40;
/** The highest position a story can have in the widget (its `limit` is at most 20). */
export const MAX_POSITION = 20;
const MAX_ID_LENGTH = 200;

/** One anonymous count: a story at a position of the widget shown for a source entity. */
export interface WidgetEvent {
  readonly storyId: string;
  /** 1 for the first story of the list. */
  readonly position: number;
  readonly kind: WidgetEventKind;
  /** How many times it happened in this request (equal events are summed). */
  readonly count: number;
}

/** What one request to POST /widget/events asks to count. */
export interface WidgetEventBatch {
  /** The entity the widget was shown for (its `entity`, or the story its page's URL resolved to). */
  readonly source: string;
  readonly events: readonly WidgetEvent[];
}

const shown = (value: unknown): unknown => (typeof value === 'string' && value.length > 60 ? `${value.slice(0, 60)}…` : value);

function readId(name: string, value: unknown, mustBeStory: boolean): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_ID_LENGTH) {
    throw new BadInputError(name, shown(value) ?? null, 'must be a node id');
  }
  const label = labelOfId(value);
  if (label === undefined || (mustBeStory && label !== 'Story')) {
    throw new BadInputError(name, shown(value), mustBeStory ? 'must be a story id (story:…)' : 'must be a node id (kind:slug)');
  }
  return value;
}

function readKind(name: string, value: unknown): WidgetEventKind {
  const kind = WIDGET_EVENT_KINDS.find((k) => k === value);
  if (kind === undefined) throw new BadInputError(name, shown(value) ?? null, `must be one of ${WIDGET_EVENT_KINDS.join(', ')}`);
  return kind;
}

function readPosition(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_POSITION) {
    throw new BadInputError(name, shown(value) ?? null, `must be an integer from 1 to ${MAX_POSITION}`);
  }
  return value;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Given the parsed body of POST /widget/events, `{ source, events: [{ storyId, position, kind }] }`,
 * returns it checked, with equal events summed into one count; throws BadInputError naming the
 * first wrong field (`events[2].position`) and its value. Nothing else is read from the body: no
 * identifier of the reader exists in it to store.
 */
export function readWidgetEvents(body: unknown): WidgetEventBatch {
  if (!isObject(body)) throw new BadInputError('body', shown(body) ?? null, 'must be a JSON object { source, events }');
  const source = readId('source', body.source, false);
  const list = body.events;
  if (!Array.isArray(list) || list.length === 0 || list.length > MAX_EVENTS) {
    throw new BadInputError(
      'events',
      Array.isArray(list) ? list.length : (shown(list) ?? null),
      `must be a list of 1 to ${MAX_EVENTS} events`,
    );
  }
  const counts = new Map<string, WidgetEvent>();
  list.forEach((item: unknown, index) => {
    const at = `events[${index}]`;
    if (!isObject(item)) throw new BadInputError(at, shown(item) ?? null, 'must be an object { storyId, position, kind }');
    const storyId = readId(`${at}.storyId`, item.storyId, true);
    const position = readPosition(`${at}.position`, item.position);
    const kind = readKind(`${at}.kind`, item.kind);
    const key = `${storyId}\u0000${position}\u0000${kind}`;
    counts.set(key, { storyId, position, kind, count: (counts.get(key)?.count ?? 0) + 1 });
  });
  return { source, events: [...counts.values()] };
}
