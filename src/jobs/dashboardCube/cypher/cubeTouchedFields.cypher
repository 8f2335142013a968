// Which fields' cube scopes an edit may have changed, for an incremental update
// (refreshDashboardCube.ts): given the nodes the edit's revisions name (the entities changed and
// the other ends of their changed relationships), the fields of every fact the dashboard rule
// counts through them, with the broader fields those count for. A story stands for what it
// features; an exemplar for its own fields, its events and its awards; an event for itself and
// the awards for it; a field for itself. Ids of deleted nodes match nothing: their neighbours,
// named too, carry the change.
// Parameters (in Neo4j Browser, run these :param lines first):
// :param ids => ['event:pai-lung-sinkhole-rescue-2023']
UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  MATCH (n)-[:FEATURES]->(t:Entity) WHERE n:Story
  RETURN t AS m
  UNION
  RETURN n AS m
}
WITH DISTINCT m
CALL (m) {
  MATCH (m)-[:ACTIVE_IN]->(f:Field) WHERE (m:Person OR m:Collective)
  RETURN f
  UNION
  MATCH (f:Field) WHERE f = m
  RETURN f
  UNION
  CALL (m) {
    MATCH (fact) WHERE fact = m AND (fact:Event OR fact:Award)
    RETURN fact
    UNION
    MATCH (m)-[:TOOK_PART_IN|RECEIVED]->(fact) WHERE (m:Person OR m:Collective) AND (fact:Event OR fact:Award)
    RETURN fact
    UNION
    MATCH (m)<-[:FOR_EVENT]-(fact:Award) WHERE m:Event
    RETURN fact
  }
  CALL (fact) {
    MATCH (fact)<-[:TOOK_PART_IN|RECEIVED]-(x)-[:ACTIVE_IN]->(f:Field) WHERE (x:Person OR x:Collective)
    RETURN f
    UNION
    MATCH (fact)-[:FOR_EVENT]->(:Event)<-[:TOOK_PART_IN]-(x)-[:ACTIVE_IN]->(f:Field) WHERE (x:Person OR x:Collective)
    RETURN f
  }
  RETURN f
}
MATCH (f)-[:PART_OF*0..4]->(b:Field)
RETURN collect(DISTINCT b.id) AS fields
