// fieldDashboard, live: every fact of a field (with its narrower fields), optionally in a place,
// that the dashboard rule counts, for both the period asked and the one before it.
// Read by src/analytics/dashboard/fieldDashboard.ts, which states the rule and sums the panels.
// Parameters (in Neo4j Browser, run these :param lines first):
// :param field => 'field:public-security'
// :param place => null
// :param from => '2022-01-01'
// :param to => '2023-12-31'
// $from: the first day of the previous period; $to: the last day of the period asked (ISO days).
// Returns one row (none when the field is unknown; placeMissing when the place is).
MATCH (f:Field {id: $field})
OPTIONAL MATCH (pl:Place {id: $place})
WITH f, pl, $place IS NOT NULL AND pl IS NULL AS placeMissing
CALL (f, placeMissing) {
  MATCH (f)<-[:PART_OF*0..4]-(sub:Field) WHERE NOT placeMissing
  RETURN collect(DISTINCT sub) AS fieldNodes
}
CALL (pl) {
  OPTIONAL MATCH (pl)<-[:PART_OF|LOCATED_IN*0..5]-(u:Place)
  WITH DISTINCT u
  RETURN collect(u.id) AS placeIds, collect(u) AS placeNodes
}
CALL (fieldNodes) {
  UNWIND fieldNodes AS sub
  RETURN sum(COUNT { (sub)<-[:ACTIVE_IN]-() }) AS fieldDegree
}
CALL (placeNodes) {
  UNWIND CASE WHEN $place IS NULL THEN [] ELSE placeNodes END AS u
  RETURN sum(COUNT { (u)<-[:OCCURRED_IN]-() } + COUNT { (u)<-[:LOCATED_IN]-() }) AS placeDegree
}
WITH f, pl, placeMissing, fieldNodes, placeIds, placeNodes, [s IN fieldNodes | s.id] AS fieldIds,
     $place IS NOT NULL AND placeDegree < fieldDegree AS byPlace
CALL (fieldNodes, fieldIds, placeIds, placeNodes, byPlace) {
  CALL (fieldNodes, fieldIds, placeIds, placeNodes, byPlace) {
    UNWIND CASE WHEN byPlace THEN [] ELSE fieldNodes END AS sub
    MATCH (sub)<-[:ACTIVE_IN]-(x)-[:TOOK_PART_IN]->(e:Event)
    WHERE (x:Person OR x:Collective)
      AND ($place IS NULL OR EXISTS { (e)-[:OCCURRED_IN]->(p:Place) WHERE p.id IN placeIds })
    RETURN e, x
    UNION
    UNWIND CASE WHEN byPlace THEN placeNodes ELSE [] END AS u
    MATCH (u)<-[:OCCURRED_IN]-(e:Event)
    WITH DISTINCT e
    MATCH (e)<-[:TOOK_PART_IN]-(x)-[:ACTIVE_IN]->(s:Field)
    WHERE (x:Person OR x:Collective) AND s.id IN fieldIds
    RETURN e, x
  }
  WITH e, collect(DISTINCT x.id) AS exemplars
  RETURN collect(e {
    .id, on: head([storedDate IN [coalesce(toString(e.date), e.period)] WHERE (CASE WHEN storedDate IS :: STRING NOT NULL AND storedDate =~ '[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?' THEN size(storedDate) < 10 OR toInteger(substring(storedDate, 8, 2)) <= CASE toInteger(substring(storedDate, 5, 2)) WHEN 2 THEN CASE WHEN (toInteger(substring(storedDate, 0, 4)) % 4 = 0 AND (toInteger(substring(storedDate, 0, 4)) % 100 <> 0 OR toInteger(substring(storedDate, 0, 4)) % 400 = 0)) THEN 29 ELSE 28 END WHEN 4 THEN 30 WHEN 6 THEN 30 WHEN 9 THEN 30 WHEN 11 THEN 30 ELSE 31 END ELSE false END)]), exemplars: exemplars,
    places: [(e)-[:OCCURRED_IN]->(p:Place) | p.id],
    agencies: [(g:Agency)-[:TOOK_PART_IN]->(e) | g.id]
  }) AS events
}
CALL (fieldNodes, fieldIds, placeIds, placeNodes, byPlace) {
  CALL (fieldNodes, fieldIds, placeNodes, byPlace) {
    UNWIND CASE WHEN byPlace THEN [] ELSE fieldNodes END AS sub
    MATCH (sub)<-[:ACTIVE_IN]-(x)-[:RECEIVED]->(a:Award) WHERE (x:Person OR x:Collective)
    RETURN a
    UNION
    UNWIND CASE WHEN byPlace THEN [] ELSE fieldNodes END AS sub
    MATCH (sub)<-[:ACTIVE_IN]-(x)-[:TOOK_PART_IN]->(:Event)<-[:FOR_EVENT]-(a:Award) WHERE (x:Person OR x:Collective)
    RETURN a
    UNION
    UNWIND CASE WHEN byPlace THEN placeNodes ELSE [] END AS u
    CALL (u) {
      MATCH (u)<-[:OCCURRED_IN]-(:Event)<-[:FOR_EVENT]-(a:Award)
      RETURN a
      UNION
      MATCH (u)<-[:LOCATED_IN]-()-[:RECEIVED]->(a:Award)
      RETURN a
    }
    WITH DISTINCT a
    WHERE EXISTS { (a)<-[:RECEIVED]-(x)-[:ACTIVE_IN]->(s:Field) WHERE (x:Person OR x:Collective) AND s.id IN fieldIds }
      OR EXISTS { (a)-[:FOR_EVENT]->(:Event)<-[:TOOK_PART_IN]-(x)-[:ACTIVE_IN]->(s:Field) WHERE (x:Person OR x:Collective) AND s.id IN fieldIds }
    RETURN a
  }
  WITH DISTINCT a
  WHERE ($place IS NULL
      OR EXISTS { (a)-[:FOR_EVENT]->(:Event)-[:OCCURRED_IN]->(p:Place) WHERE p.id IN placeIds }
      OR EXISTS { (a)<-[:RECEIVED]-()-[:LOCATED_IN]->(p:Place) WHERE p.id IN placeIds })
  RETURN collect(a {
    .id, .form, .level, on: head([storedDate IN [coalesce(toString(a.date), toString(a.year))] WHERE (CASE WHEN storedDate IS :: STRING NOT NULL AND storedDate =~ '[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?' THEN size(storedDate) < 10 OR toInteger(substring(storedDate, 8, 2)) <= CASE toInteger(substring(storedDate, 5, 2)) WHEN 2 THEN CASE WHEN (toInteger(substring(storedDate, 0, 4)) % 4 = 0 AND (toInteger(substring(storedDate, 0, 4)) % 100 <> 0 OR toInteger(substring(storedDate, 0, 4)) % 400 = 0)) THEN 29 ELSE 28 END WHEN 4 THEN 30 WHEN 6 THEN 30 WHEN 9 THEN 30 WHEN 11 THEN 30 ELSE 31 END ELSE false END)]),
    recipients: [(x)-[:RECEIVED]->(a) WHERE (x:Person OR x:Collective) AND EXISTS { (x)-[:ACTIVE_IN]->(s:Field) WHERE s.id IN fieldIds } | x.id],
    conferredBy: [(a)-[:CONFERRED_BY]->(g:Agency) | g.id],
    places: reduce(seen = [], id IN [(a)-[:FOR_EVENT]->(:Event)-[:OCCURRED_IN]->(p:Place) | p.id] + [(a)<-[:RECEIVED]-()-[:LOCATED_IN]->(p:Place) | p.id] | CASE WHEN id IN seen THEN seen ELSE seen + id END)
  }) AS awards
}
CALL (events) {
  UNWIND events AS e UNWIND e.exemplars AS xid
  RETURN collect(DISTINCT xid) AS eventExemplars
}
CALL (awards) {
  UNWIND awards AS a UNWIND a.recipients AS xid
  RETURN collect(DISTINCT xid) AS awardExemplars
}
CALL (eventExemplars, awardExemplars) {
  UNWIND eventExemplars + awardExemplars AS xid
  WITH DISTINCT xid
  MATCH (x:Entity {id: xid})
  RETURN collect({id: xid, memberOf: [(x)-[:MEMBER_OF]->(g:Agency) | g.id]}) AS exemplars
}
CALL (events, awards, exemplars) {
  UNWIND [e IN events | e.agencies] + [a IN awards | a.conferredBy] + [x IN exemplars | x.memberOf] AS ids
  UNWIND ids AS gid
  WITH DISTINCT gid
  MATCH (g:Entity {id: gid})
  RETURN collect(g {.id, .name}) AS agencies
}
CALL (fieldNodes, events, awards, exemplars) {
  UNWIND CASE WHEN $place IS NULL THEN [s IN fieldNodes | s.id] ELSE [] END
    + [e IN events | e.id] + [a IN awards | a.id] + [x IN exemplars | x.id] AS tid
  MATCH (:Entity {id: tid})<-[:FEATURES]-(s:Story)
  WITH DISTINCT s, head([storedDate IN [coalesce(toString(s.publishedAt), s.publishedPeriod)] WHERE (CASE WHEN storedDate IS :: STRING NOT NULL AND storedDate =~ '[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?' THEN size(storedDate) < 10 OR toInteger(substring(storedDate, 8, 2)) <= CASE toInteger(substring(storedDate, 5, 2)) WHEN 2 THEN CASE WHEN (toInteger(substring(storedDate, 0, 4)) % 4 = 0 AND (toInteger(substring(storedDate, 0, 4)) % 100 <> 0 OR toInteger(substring(storedDate, 0, 4)) % 400 = 0)) THEN 29 ELSE 28 END WHEN 4 THEN 30 WHEN 6 THEN 30 WHEN 9 THEN 30 WHEN 11 THEN 30 ELSE 31 END ELSE false END)]) AS on
  WHERE (CASE WHEN on IS NULL THEN $from IS NULL AND $to IS NULL ELSE ($to IS NULL OR date(on) <= date($to)) AND ($from IS NULL OR CASE size(on) WHEN 4 THEN date(on) + duration('P1Y') - duration('P1D') WHEN 7 THEN date(on) + duration('P1M') - duration('P1D') ELSE date(on) END >= date($from)) END)
  RETURN collect({id: s.id, on: on}) AS stories
}
CALL (events) {
  UNWIND events AS e UNWIND e.places AS p
  RETURN collect({fact: e.id, place: p, day: e.on}) AS eventAnchors
}
CALL (awards) {
  UNWIND awards AS a UNWIND a.places AS p
  RETURN collect({fact: a.id, place: p, day: a.on}) AS awardAnchors
}
WITH f, pl, placeMissing, fieldNodes, events, awards, exemplars, agencies, stories, eventAnchors + awardAnchors AS anchors

CALL (anchors) {
  UNWIND anchors AS anchor
  WITH DISTINCT anchor.place AS placeId
  MATCH (p:Place {id: placeId})
  CALL (p) {
    MATCH chain = (p)-[:PART_OF|LOCATED_IN*0..5]->(c:Place)
    WITH c, [r IN relationships(chain) WHERE r.validFrom IS NOT NULL | r.validFrom] AS starts, [r IN relationships(chain) WHERE r.validTo IS NOT NULL | r.validTo] AS ends
    RETURN collect(c) AS thenNodes, collect({id: c.id,
      validFrom: toString(reduce(latest = null, d IN starts | CASE WHEN latest IS NULL OR d > latest THEN d ELSE latest END)),
      validTo: toString(reduce(earliest = null, d IN ends | CASE WHEN earliest IS NULL OR d < earliest THEN d ELSE earliest END))}) AS then
  }
  CALL (p) {
    OPTIONAL MATCH (p)-[:SUCCEEDED_BY*0..4]->(s:Place) WHERE s.validTo IS NULL
    OPTIONAL MATCH chain = (s)-[:PART_OF|LOCATED_IN*0..5]->(c:Place)
    WHERE all(r IN relationships(chain) WHERE r.validTo IS NULL) AND c.validTo IS NULL
    RETURN collect(DISTINCT c) AS nowNodes
  }
  RETURN collect({place: placeId, lastDay: toString(p.validTo), then: then, now: [c IN nowNodes | c.id]}) AS rollups,
         collect(thenNodes + nowNodes) AS reached
}
CALL (reached) {
  UNWIND reached AS units
  UNWIND units AS c
  WITH DISTINCT c
  RETURN collect(c {.id, .name, .level}) AS rollupPlaces
}
RETURN f {.id, .name, kind: 'FIELD'} AS field, CASE WHEN pl IS NULL THEN NULL ELSE pl {.id, .name, kind: 'PLACE'} END AS place,
       placeMissing, [s IN fieldNodes | s.id] AS fields, events, awards, exemplars, agencies, stories, rollups, rollupPlaces
