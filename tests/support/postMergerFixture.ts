import type { Graph } from '../../src/neo4j/createGraph';

/**
 * Test data, not a fact: the seeds hold nothing after the 2025 merger, so tests of a period on the
 * 34-province map add one rescue in 2026 by an invented rescuer (ids and names say "test"), in a
 * commune formed on 1 July 2025 (place:xa-dong-van-2025, part of the new Tuyên Quang), and remove
 * it afterwards. The rescuer is active in the rescue field, so the rescue dashboard counts it.
 */
export const POST_MERGER = {
  person: 'person:test-post-merger-rescuer',
  event: 'event:test-post-merger-rescue-2026',
  day: '2026-03-14',
  place: 'place:xa-dong-van-2025',
  province: 'place:tinh-tuyen-quang',
  field: 'field:rescue',
} as const;

export async function addPostMergerFixture(graph: Graph): Promise<void> {
  await graph.write(
    `MERGE (x:Person:Entity {id: $person})
     SET x.name = 'Người cứu hộ (dữ liệu kiểm thử)', x.sources = ['https://example.org/test'], x.confidence = 'UNVERIFIED'
     MERGE (e:Event:Entity {id: $event})
     SET e.name = 'Cứu hộ (dữ liệu kiểm thử) 2026', e.kind = 'RESCUE', e.date = date($day), e.period = $day,
         e.sources = ['https://example.org/test'], e.confidence = 'UNVERIFIED'
     WITH x, e
     MATCH (f:Field {id: $field}), (p:Place {id: $place})
     MERGE (x)-[:ACTIVE_IN {sources: ['https://example.org/test'], confidence: 'UNVERIFIED'}]->(f)
     MERGE (x)-[:TOOK_PART_IN {sources: ['https://example.org/test'], confidence: 'UNVERIFIED'}]->(e)
     MERGE (e)-[:OCCURRED_IN {sources: ['https://example.org/test'], confidence: 'UNVERIFIED'}]->(p)`,
    { ...POST_MERGER },
  );
}

export async function removePostMergerFixture(graph: Graph): Promise<void> {
  await graph.write('MATCH (n:Entity) WHERE n.id IN [$person, $event] DETACH DELETE n', {
    person: POST_MERGER.person,
    event: POST_MERGER.event,
  });
}
