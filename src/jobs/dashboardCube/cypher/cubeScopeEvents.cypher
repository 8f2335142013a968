// The dashboard cube's input for some fields only (an incremental update, refreshCubeFields.ts):
// every event someone active in one of them or a narrower field took part in or received an award
// for (its places are the award's), as cubeEvents.cypher reads it.
// Parameters (in Neo4j Browser, run these :param lines first):
// :param fields => ['field:rescue']
MATCH (a:Field) WHERE a.id IN $fields
MATCH (a)<-[:PART_OF*0..4]-(:Field)<-[:ACTIVE_IN]-(x)
WHERE (x:Person OR x:Collective)
WITH DISTINCT x
CALL (x) {
  MATCH (x)-[:TOOK_PART_IN]->(e:Event)
  RETURN e
  UNION
  MATCH (x)-[:RECEIVED]->(:Award)-[:FOR_EVENT]->(e:Event)
  RETURN e
}
WITH DISTINCT e
RETURN e.id AS id, head([storedDate IN [coalesce(toString(e.date), e.period)] WHERE (CASE WHEN storedDate IS :: STRING NOT NULL AND storedDate =~ '[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?' THEN size(storedDate) < 10 OR toInteger(substring(storedDate, 8, 2)) <= CASE toInteger(substring(storedDate, 5, 2)) WHEN 2 THEN CASE WHEN (toInteger(substring(storedDate, 0, 4)) % 4 = 0 AND (toInteger(substring(storedDate, 0, 4)) % 100 <> 0 OR toInteger(substring(storedDate, 0, 4)) % 400 = 0)) THEN 29 ELSE 28 END WHEN 4 THEN 30 WHEN 6 THEN 30 WHEN 9 THEN 30 WHEN 11 THEN 30 ELSE 31 END ELSE false END)]) AS on, [(e)-[:OCCURRED_IN]->(p:Place) | p.id] AS places,
       [(g:Agency)-[:TOOK_PART_IN]->(e) | g.id] AS agencies,
       [(x)-[:TOOK_PART_IN]->(e) WHERE (x:Person OR x:Collective) | x.id] AS participants
