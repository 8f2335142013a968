// fieldDashboard.undated: the facts in a field dashboard's scope (the field with its narrower
// fields, the place with every unit ever part of it when given) that carry no date at all, so
// that no period counts them: events, awards and stories with no date (or a malformed one), and
// exemplars whose every event and award in the scope is such. The scope is the dashboard rule's
// (fieldDashboard.cypher), over all dates.
// Read by src/analytics/dashboard/undatedFacts.ts, which states the rule.
// Parameters (in Neo4j Browser, run these :param lines first):
// :param field => 'field:lifesaving'
// :param place => null
// :param first => 100
// Returns one row: count (exact) and ids (sorted, the first $first of them); an unknown field or place has none.
MATCH (f:Field {id: $field})
CALL (f) {
  MATCH (f)<-[:PART_OF*0..4]-(sub:Field)
  RETURN collect(DISTINCT sub) AS fieldNodes
}
CALL () {
  OPTIONAL MATCH (:Place {id: $place})<-[:PART_OF|LOCATED_IN*0..5]-(u:Place)
  RETURN collect(DISTINCT u.id) AS placeIds
}
WITH fieldNodes, placeIds, [s IN fieldNodes | s.id] AS fieldIds
CALL (fieldNodes, placeIds) {
  UNWIND fieldNodes AS sub
  MATCH (sub)<-[:ACTIVE_IN]-(x)-[:TOOK_PART_IN]->(e:Event)
  WHERE (x:Person OR x:Collective)
    AND ($place IS NULL OR EXISTS { (e)-[:OCCURRED_IN]->(p:Place) WHERE p.id IN placeIds })
  WITH e, collect(DISTINCT x.id) AS exemplars
  RETURN collect({id: e.id, dated: head([storedDate IN [coalesce(toString(e.date), e.period)] WHERE (CASE WHEN storedDate IS :: STRING NOT NULL AND storedDate =~ '[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?' THEN size(storedDate) < 10 OR toInteger(substring(storedDate, 8, 2)) <= CASE toInteger(substring(storedDate, 5, 2)) WHEN 2 THEN CASE WHEN (toInteger(substring(storedDate, 0, 4)) % 4 = 0 AND (toInteger(substring(storedDate, 0, 4)) % 100 <> 0 OR toInteger(substring(storedDate, 0, 4)) % 400 = 0)) THEN 29 ELSE 28 END WHEN 4 THEN 30 WHEN 6 THEN 30 WHEN 9 THEN 30 WHEN 11 THEN 30 ELSE 31 END ELSE false END)]) IS NOT NULL, exemplars: exemplars}) AS events
}
CALL (fieldNodes, fieldIds, placeIds) {
  CALL (fieldNodes) {
    UNWIND fieldNodes AS sub
    MATCH (sub)<-[:ACTIVE_IN]-(x)-[:RECEIVED]->(a:Award) WHERE (x:Person OR x:Collective)
    RETURN a
    UNION
    UNWIND fieldNodes AS sub
    MATCH (sub)<-[:ACTIVE_IN]-(x)-[:TOOK_PART_IN]->(:Event)<-[:FOR_EVENT]-(a:Award) WHERE (x:Person OR x:Collective)
    RETURN a
  }
  WITH DISTINCT a
  WHERE ($place IS NULL
      OR EXISTS { (a)-[:FOR_EVENT]->(:Event)-[:OCCURRED_IN]->(p:Place) WHERE p.id IN placeIds }
      OR EXISTS { (a)<-[:RECEIVED]-()-[:LOCATED_IN]->(p:Place) WHERE p.id IN placeIds })
  RETURN collect({id: a.id, dated: head([storedDate IN [coalesce(toString(a.date), toString(a.year))] WHERE (CASE WHEN storedDate IS :: STRING NOT NULL AND storedDate =~ '[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?' THEN size(storedDate) < 10 OR toInteger(substring(storedDate, 8, 2)) <= CASE toInteger(substring(storedDate, 5, 2)) WHEN 2 THEN CASE WHEN (toInteger(substring(storedDate, 0, 4)) % 4 = 0 AND (toInteger(substring(storedDate, 0, 4)) % 100 <> 0 OR toInteger(substring(storedDate, 0, 4)) % 400 = 0)) THEN 29 ELSE 28 END WHEN 4 THEN 30 WHEN 6 THEN 30 WHEN 9 THEN 30 WHEN 11 THEN 30 ELSE 31 END ELSE false END)]) IS NOT NULL,
    recipients: [(x)-[:RECEIVED]->(a) WHERE (x:Person OR x:Collective) AND EXISTS { (x)-[:ACTIVE_IN]->(s:Field) WHERE s.id IN fieldIds } | x.id]}) AS awards
}
CALL (events, awards) {
  UNWIND [e IN events | {exemplars: e.exemplars, dated: e.dated}] + [a IN awards | {exemplars: a.recipients, dated: a.dated}] AS fact
  UNWIND fact.exemplars AS x
  WITH x, max(CASE WHEN fact.dated THEN 1 ELSE 0 END) AS dated
  RETURN collect(x) AS exemplars, collect(CASE WHEN dated = 0 THEN x END) AS undatedExemplars
}
CALL (fieldIds, events, awards, exemplars) {
  UNWIND CASE WHEN $place IS NULL THEN fieldIds ELSE [] END
    + [e IN events | e.id] + [a IN awards | a.id] + exemplars AS tid
  MATCH (:Entity {id: tid})<-[:FEATURES]-(s:Story)
  WITH DISTINCT s
  WHERE head([storedDate IN [coalesce(toString(s.publishedAt), s.publishedPeriod)] WHERE (CASE WHEN storedDate IS :: STRING NOT NULL AND storedDate =~ '[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?' THEN size(storedDate) < 10 OR toInteger(substring(storedDate, 8, 2)) <= CASE toInteger(substring(storedDate, 5, 2)) WHEN 2 THEN CASE WHEN (toInteger(substring(storedDate, 0, 4)) % 4 = 0 AND (toInteger(substring(storedDate, 0, 4)) % 100 <> 0 OR toInteger(substring(storedDate, 0, 4)) % 400 = 0)) THEN 29 ELSE 28 END WHEN 4 THEN 30 WHEN 6 THEN 30 WHEN 9 THEN 30 WHEN 11 THEN 30 ELSE 31 END ELSE false END)]) IS NULL
  RETURN collect(s.id) AS undatedStories
}
UNWIND [e IN events WHERE NOT e.dated | e.id] + [a IN awards WHERE NOT a.dated | a.id]
  + undatedExemplars + undatedStories AS id
WITH DISTINCT id
ORDER BY id
WITH collect(id) AS ids
RETURN size(ids) AS count, ids[0..$first] AS ids
