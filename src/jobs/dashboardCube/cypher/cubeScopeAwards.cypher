// The dashboard cube's input for some fields only (an incremental update, refreshCubeFields.ts):
// every award to someone active in one of them or a narrower field, or for an event such a person
// took part in, as cubeAwards.cypher reads it.
// Parameters (in Neo4j Browser, run these :param lines first):
// :param fields => ['field:rescue']
MATCH (a:Field) WHERE a.id IN $fields
MATCH (a)<-[:PART_OF*0..4]-(:Field)<-[:ACTIVE_IN]-(x)
WHERE (x:Person OR x:Collective)
WITH DISTINCT x
CALL (x) {
  MATCH (x)-[:RECEIVED]->(a:Award)
  RETURN a
  UNION
  MATCH (x)-[:TOOK_PART_IN]->(:Event)<-[:FOR_EVENT]-(a:Award)
  RETURN a
}
WITH DISTINCT a
RETURN a.id AS id, head([storedDate IN [coalesce(toString(a.date), toString(a.year))] WHERE (CASE WHEN storedDate IS :: STRING NOT NULL AND storedDate =~ '[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?' THEN size(storedDate) < 10 OR toInteger(substring(storedDate, 8, 2)) <= CASE toInteger(substring(storedDate, 5, 2)) WHEN 2 THEN CASE WHEN (toInteger(substring(storedDate, 0, 4)) % 4 = 0 AND (toInteger(substring(storedDate, 0, 4)) % 100 <> 0 OR toInteger(substring(storedDate, 0, 4)) % 400 = 0)) THEN 29 ELSE 28 END WHEN 4 THEN 30 WHEN 6 THEN 30 WHEN 9 THEN 30 WHEN 11 THEN 30 ELSE 31 END ELSE false END)]) AS on, a.form AS form, a.level AS level,
       [(a)-[:CONFERRED_BY]->(g:Agency) | g.id] AS conferredBy,
       [(x)-[:RECEIVED]->(a) WHERE (x:Person OR x:Collective) | x.id] AS recipients,
       [(a)-[:FOR_EVENT]->(e:Event) | e.id] AS events,
       [(a)<-[:RECEIVED]-()-[:LOCATED_IN]->(p:Place) | p.id] AS homes
