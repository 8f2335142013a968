// The gazetteer's one statement: the entities any of whose name keys is among $keys (at most
// $perKey per key), or whose id is among $ids, each with the properties and the neighbourhood the
// matcher reads (src/ingestion/buildGazetteerEntries.ts states the same rule over records):
// first-hop neighbours through the context relationship types; from an event its places and
// participants, from an agency its places and parent, from an award its event and issuer; every
// place's and agency's parents up to three levels. A hub (more than $hubDegree relationships)
// contributes only its outgoing relationships: a province's thousands of children and a national
// event's participants are never expanded.
// :param keys => ['luu minh thuc', 'pai lung', 'meo vac']
// :param ids => []
// :param perKey => 50
// :param hubDegree => 200
// :param contextTypes => ['MEMBER_OF', 'ACTIVE_IN', 'TOOK_PART_IN', 'OCCURRED_IN', 'RECEIVED', 'CONFERRED_BY', 'FOR_EVENT', 'UNDER_MOVEMENT', 'EXEMPLAR_OF', 'LAUNCHED_BY', 'PART_OF', 'LOCATED_IN', 'FLOWS_THROUGH']
// :param labels => ['Person', 'Collective', 'Agency', 'Field', 'Event', 'Award', 'Movement', 'Story', 'Place']
CALL () {
  UNWIND $keys AS key
  CALL (key) {
    MATCH (k:NameKey {key: key})
    RETURN k.id AS id
    LIMIT $perKey
  }
  RETURN id
  UNION
  UNWIND $ids AS id
  RETURN id
}
WITH DISTINCT id
MATCH (e:Entity {id: id})
WITH e, COUNT { (e)--() } > $hubDegree AS hub
CALL (e, hub) {
  CALL (e, hub) {
    MATCH (e)-[r]->(m:Entity)
    WHERE type(r) IN $contextTypes
    RETURN m
    UNION
    WITH e, hub
    WHERE NOT hub
    MATCH (e)<-[r]-(m:Entity)
    WHERE type(r) IN $contextTypes
    RETURN m
  }
  RETURN collect(m) AS first
}
CALL (first) {
  UNWIND first AS m
  CALL (m) {
    MATCH (m:Event)-[:OCCURRED_IN]->(x:Entity)
    RETURN x
    UNION
    WITH m
    WHERE m:Event AND COUNT { (m)--() } <= $hubDegree
    MATCH (m)<-[:TOOK_PART_IN]-(x:Entity)
    RETURN x
    UNION
    MATCH (m:Agency)-[:LOCATED_IN|PART_OF]->(x:Entity)
    RETURN x
    UNION
    MATCH (m:Award)-[:FOR_EVENT|CONFERRED_BY]->(x:Entity)
    RETURN x
  }
  RETURN collect(DISTINCT x) AS second
}
CALL (e, first, second) {
  UNWIND first + second + [e] AS b
  WITH DISTINCT b
  WHERE b:Place OR b:Agency
  MATCH (b)-[:PART_OF*1..3]->(p:Entity)
  RETURN collect(DISTINCT p) AS ancestors
}
RETURN e {
         .id, .name, .aliases, .title, .validFrom, .validTo, .level, .kind, .unitType, .form, .date, .period, .year,
         .publishedAt, .decisionNo, .rank, .rankAsInSource, .honorific, .diedOn,
         label: head([l IN labels(e) WHERE l IN $labels])
       } AS node,
       [x IN first + second + ancestors | {id: x.id, label: head([l IN labels(x) WHERE l IN $labels])}] AS reached,
       [(e)-[:OCCURRED_IN|LOCATED_IN|PART_OF]->(p:Place) | p.id] AS directPlaceIds,
       [m IN first WHERE m:Event OR m:Award | m {
         .id, .name, .date, .period, .year, label: head([l IN labels(m) WHERE l IN $labels])
       }] AS datedNeighbours
