// The dashboard cube's input for some fields only (an incremental update, refreshCubeFields.ts):
// every story featuring one of the given nodes (the fields with their narrower ones, and the facts
// and exemplars read for them), as cubeStories.cypher reads it.
// Parameters (in Neo4j Browser, run these :param lines first):
// :param ids => ['field:rescue', 'event:pai-lung-sinkhole-rescue-2023']
UNWIND $ids AS id
MATCH (:Entity {id: id})<-[:FEATURES]-(s:Story)
WITH DISTINCT s
RETURN s.id AS id, head([storedDate IN [coalesce(toString(s.publishedAt), s.publishedPeriod)] WHERE (CASE WHEN storedDate IS :: STRING NOT NULL AND storedDate =~ '[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?' THEN size(storedDate) < 10 OR toInteger(substring(storedDate, 8, 2)) <= CASE toInteger(substring(storedDate, 5, 2)) WHEN 2 THEN CASE WHEN (toInteger(substring(storedDate, 0, 4)) % 4 = 0 AND (toInteger(substring(storedDate, 0, 4)) % 100 <> 0 OR toInteger(substring(storedDate, 0, 4)) % 400 = 0)) THEN 29 ELSE 28 END WHEN 4 THEN 30 WHEN 6 THEN 30 WHEN 9 THEN 30 WHEN 11 THEN 30 ELSE 31 END ELSE false END)]) AS on, [(s)-[:FEATURES]->(t) | t.id] AS features
