// The dashboard cube's input for some fields only (an incremental update, refreshCubeFields.ts):
// every person or collective active in one of them or a narrower field, with its fields and agencies.
// Parameters (in Neo4j Browser, run these :param lines first):
// :param fields => ['field:rescue']
MATCH (a:Field) WHERE a.id IN $fields
MATCH (a)<-[:PART_OF*0..4]-(:Field)<-[:ACTIVE_IN]-(x)
WHERE (x:Person OR x:Collective)
WITH DISTINCT x
RETURN x.id AS id, [(x)-[:ACTIVE_IN]->(f:Field) | f.id] AS fields, [(x)-[:MEMBER_OF]->(g:Agency) | g.id] AS memberOf
