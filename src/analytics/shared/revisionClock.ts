import type { Graph } from '../../neo4j/createGraph';
import { decode, nullable, number, object, string } from '../../neo4j/decode';
import { REVISION_CLOCK_ID, REVISION_CLOCK_LABEL } from '../../writes/revisionLayout';

/** Where the revision clock stands: its epoch (a wiped and migrated database has a new one) and its last transaction. */
export interface Clock {
  readonly epoch: string;
  readonly tx: number;
}

/** The statement that reads the clock. */
export const REVISION_CLOCK_CYPHER = `OPTIONAL MATCH (c:${REVISION_CLOCK_LABEL} {id: $id}) RETURN c.epoch AS epoch, c.tx AS tx`;

const decodeClock = object<{ epoch: string | null; tx: number | null }>({ epoch: nullable(string), tx: nullable(number) });

/**
 * Given the graph, returns where the revision clock stands (one small round trip), or null when
 * there is no clock with an epoch: the migrations did not run, or the write triggers are not
 * installed and so nothing moves it, and then nothing read may be kept for later requests.
 */
export async function readRevisionClock(graph: Graph): Promise<Clock | null> {
  const rows = await graph.read(REVISION_CLOCK_CYPHER, { id: REVISION_CLOCK_ID });
  const clock = decode('revisionClock', rows[0], decodeClock);
  return clock.epoch === null ? null : { epoch: clock.epoch, tx: clock.tx ?? 0 };
}

/**
 * Given a clock, returns the graph's version as the related statements spell it ("<epoch>:<tx>",
 * relatedStories.cypher), or null for no clock.
 */
export function graphVersionOf(clock: Clock | null): string | null {
  return clock === null ? null : `${clock.epoch}:${clock.tx}`;
}
