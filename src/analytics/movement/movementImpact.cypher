// movementImpact: a movement's awards, exemplars, events, stories, fields and places reached, in
// one round trip. Read by src/analytics/movement/movementImpact.ts, which states the rule and how
// this reads, and decodes the answer: one JSON text of columns (movementColumns.ts), whose field
// lists must stay in the order of the lists built here.
// Parameters (in Neo4j Browser, run these :param lines first):
// :param id => 'movement:thi-dua-yeu-nuoc-ha-giang'
// :param from => null
// :param to => null
// $from, $to: the period (ISO days, either may be null). Returns no row when the movement is unknown.
// Two date tests recur inline. "May overlap" (CASE WHEN on =~ '[1-9][0-9]{3}…' THEN … ELSE true END):
// false only when overlapsPeriod (shared/period.ts) surely puts a fact outside [$from, $to], comparing
// partial dates as text (YYYY or YYYY-MM against the same prefix of $from); undated and unreadable
// dates pass. "May reach" (CASE WHEN on IS NULL THEN … END): false only when a recognition can neither
// be counted in the period nor follow a story published in it; an undated one counts only without
// a period. Partial dates: coalesce(toString(x.date), x.period) for an event, (…publishedAt,
// …publishedPeriod) for a story, (…date, …year) for an award; "overlaps" is shared/period.ts's
// cypherOverlapsPeriod.
MATCH (m:Movement {id: $id})
CALL (m) {
  MATCH (a:Award)-[:UNDER_MOVEMENT]->(m)
  WITH a, [(a)-[r:RECEIVED|FOR_EVENT|FEATURES]-(y) | [type(r), startNode(r) = a, y]] AS links
  WITH a, a.id AS aid, head([storedDate IN [coalesce(toString(a.date), toString(a.year))] WHERE (CASE WHEN storedDate IS :: STRING NOT NULL AND storedDate =~ '[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?' THEN size(storedDate) < 10 OR toInteger(substring(storedDate, 8, 2)) <= CASE toInteger(substring(storedDate, 5, 2)) WHEN 2 THEN CASE WHEN (toInteger(substring(storedDate, 0, 4)) % 4 = 0 AND (toInteger(substring(storedDate, 0, 4)) % 100 <> 0 OR toInteger(substring(storedDate, 0, 4)) % 400 = 0)) THEN 29 ELSE 28 END WHEN 4 THEN 30 WHEN 6 THEN 30 WHEN 9 THEN 30 WHEN 11 THEN 30 ELSE 31 END ELSE false END)]) AS on,
       [l IN links WHERE l[0] = 'RECEIVED' AND NOT l[1] | l[2]] AS received,
       [l IN links WHERE l[0] = 'FOR_EVENT' AND l[1] | l[2]] AS events,
       [l IN links WHERE l[0] = 'FEATURES' AND NOT l[1] | l[2]] AS stories
  WITH a, aid, on, [x IN received WHERE (x:Person OR x:Collective)] AS recipients, events, stories
  WITH a, aid, on, recipients, [x IN recipients | x.id] AS recipientIds, events, stories
  RETURN collect(CASE WHEN (CASE WHEN on =~ '[1-9][0-9]{3}(-(0[1-9]|1[0-2]))?|[1-9][0-9]{3}-[0-9]{2}-[0-9]{2}' THEN ($to IS NULL OR on <= $to) AND ($from IS NULL OR on >= left($from, size(on))) ELSE true END)
           THEN [aid, on, recipientIds, a.form, a.level, a.kind, a.recipientsResolved]
           ELSE [aid, on, recipientIds, null, null, null, null] END) AS awards,
         collect(CASE WHEN size(recipients) > 0 THEN {nodes: recipients, ids: recipientIds, reach: (CASE WHEN on IS NULL THEN $from IS NULL AND $to IS NULL WHEN on =~ '[1-9][0-9]{3}(-(0[1-9]|1[0-2]))?|[1-9][0-9]{3}-[0-9]{2}-[0-9]{2}' THEN $from IS NULL OR on >= left($from, size(on)) ELSE true END)} END) AS recipientGroups,
         collect(CASE WHEN size(events) > 0 THEN events END) AS awardEvents,
         collect(CASE WHEN size(stories) > 0 THEN {id: aid, stories: stories} END) AS awardStories
}
CALL (m, recipientGroups) {
  CALL (m, recipientGroups) {
    MATCH (x)-[r:EXEMPLAR_OF]->(m) WHERE (x:Person OR x:Collective)
    WITH x, x.id AS xid, toString(r.since) AS since
    RETURN x, xid, [xid, since] AS held, (CASE WHEN since IS NULL THEN $from IS NULL AND $to IS NULL WHEN since =~ '[1-9][0-9]{3}(-(0[1-9]|1[0-2]))?|[1-9][0-9]{3}-[0-9]{2}-[0-9]{2}' THEN $from IS NULL OR since >= left($from, size(since)) ELSE true END) AS reach
    UNION ALL
    UNWIND recipientGroups AS g
    UNWIND range(0, size(g.nodes) - 1) AS i
    RETURN g.nodes[i] AS x, g.ids[i] AS xid, null AS held, g.reach AS reach
  }
  WITH x, xid, collect(held) AS held, max(CASE WHEN reach THEN 1 ELSE 0 END) = 1 AS reach
  WITH x, xid, held, reach, [(x)-[r:TOOK_PART_IN|FEATURES|ACTIVE_IN|LOCATED_IN]-(y) | [type(r), startNode(r) = x, y]] AS links
  WITH x, xid, held, reach, links,
       [l IN links WHERE l[0] = 'TOOK_PART_IN' AND l[1] | l[2]] AS events,
       [l IN links WHERE l[0] = 'FEATURES' AND NOT l[1] | l[2]] AS stories
  WITH x, xid, held, links, events, stories,
       reach OR any(on IN [s IN stories WHERE s:Story | head([storedDate IN [coalesce(toString(s.publishedAt), s.publishedPeriod)] WHERE (CASE WHEN storedDate IS :: STRING NOT NULL AND storedDate =~ '[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?' THEN size(storedDate) < 10 OR toInteger(substring(storedDate, 8, 2)) <= CASE toInteger(substring(storedDate, 5, 2)) WHEN 2 THEN CASE WHEN (toInteger(substring(storedDate, 0, 4)) % 4 = 0 AND (toInteger(substring(storedDate, 0, 4)) % 100 <> 0 OR toInteger(substring(storedDate, 0, 4)) % 400 = 0)) THEN 29 ELSE 28 END WHEN 4 THEN 30 WHEN 6 THEN 30 WHEN 9 THEN 30 WHEN 11 THEN 30 ELSE 31 END ELSE false END)])] WHERE on IS NOT NULL AND (CASE WHEN on IS NULL THEN $from IS NULL AND $to IS NULL ELSE ($to IS NULL OR date(on) <= date($to)) AND ($from IS NULL OR CASE size(on) WHEN 4 THEN date(on) + duration('P1Y') - duration('P1D') WHEN 7 THEN date(on) + duration('P1M') - duration('P1D') ELSE date(on) END >= date($from)) END)) AS counts
  WITH x, xid, held, events, stories, counts,
       CASE WHEN counts THEN [l IN links WHERE l[0] = 'ACTIVE_IN' AND l[1] | l[2]] END AS fields,
       CASE WHEN counts THEN [l IN links WHERE l[0] = 'LOCATED_IN' AND l[1] | l[2]] END AS homes
  WITH x, xid, held, events, stories, counts, [f IN fields WHERE f:Field] AS fields, homes, CASE WHEN counts THEN events END AS linked
  RETURN apoc.coll.flatten(collect(held)) AS heldUp,
         collect(CASE WHEN counts THEN
           [xid, x.name, toUpper([l IN labels(x) WHERE l <> 'Entity'][0]), [f IN fields | f.id], [p IN homes | p.id], [e IN linked | e.id]]
         END) AS exemplars,
         collect(CASE WHEN size(events) > 0 THEN events END) AS exemplarEvents,
         collect(CASE WHEN size(stories) > 0 THEN {id: xid, stories: stories} END) AS exemplarStories,
         collect(fields) AS fieldLists, collect(homes) AS homeLists, collect(linked) AS linkedEvents
}
CALL (m, awardEvents, exemplarEvents, linkedEvents) {
  CALL (m, awardEvents, exemplarEvents, linkedEvents) {
    MATCH (e)-[:UNDER_MOVEMENT]->(m) RETURN e, false AS linked
    UNION ALL
    UNWIND awardEvents + exemplarEvents AS es UNWIND es AS e RETURN e, false AS linked
    UNION ALL
    UNWIND linkedEvents AS es UNWIND es AS e RETURN e, true AS linked
  }
  WITH e, max(CASE WHEN linked THEN 1 ELSE 0 END) = 1 AS linked
  WHERE e:Event
  WITH e, linked, [(e)-[r:OCCURRED_IN|FEATURES]-(y) | [type(r), startNode(r) = e, y]] AS links
  WITH e.id AS eid, head([storedDate IN [coalesce(toString(e.date), e.period)] WHERE (CASE WHEN storedDate IS :: STRING NOT NULL AND storedDate =~ '[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?' THEN size(storedDate) < 10 OR toInteger(substring(storedDate, 8, 2)) <= CASE toInteger(substring(storedDate, 5, 2)) WHEN 2 THEN CASE WHEN (toInteger(substring(storedDate, 0, 4)) % 4 = 0 AND (toInteger(substring(storedDate, 0, 4)) % 100 <> 0 OR toInteger(substring(storedDate, 0, 4)) % 400 = 0)) THEN 29 ELSE 28 END WHEN 4 THEN 30 WHEN 6 THEN 30 WHEN 9 THEN 30 WHEN 11 THEN 30 ELSE 31 END ELSE false END)]) AS on, linked, links, [l IN links WHERE l[0] = 'FEATURES' AND NOT l[1] | l[2]] AS stories
  WITH eid, on, stories, CASE WHEN linked OR (CASE WHEN on =~ '[1-9][0-9]{3}(-(0[1-9]|1[0-2]))?|[1-9][0-9]{3}-[0-9]{2}-[0-9]{2}' THEN ($to IS NULL OR on <= $to) AND ($from IS NULL OR on >= left($from, size(on))) ELSE true END) THEN [l IN links WHERE l[0] = 'OCCURRED_IN' AND l[1] | l[2]] END AS places
  RETURN collect(CASE WHEN places IS NOT NULL THEN [eid, on, [p IN places | p.id]] END) AS events,
         collect(places) AS eventPlaces,
         collect(CASE WHEN size(stories) > 0 THEN {id: eid, stories: stories} END) AS eventStories
}
CALL (m, awardStories, exemplarStories, eventStories) {
  CALL (m, awardStories, exemplarStories, eventStories) {
    MATCH (s)-[:FEATURES]->(m) RETURN s, m.id AS tid
    UNION ALL
    UNWIND awardStories + exemplarStories + eventStories AS f UNWIND f.stories AS s RETURN s, f.id AS tid
  }
  WITH s, collect(tid) AS featured
  WHERE s:Story
  WITH s, featured, head([storedDate IN [coalesce(toString(s.publishedAt), s.publishedPeriod)] WHERE (CASE WHEN storedDate IS :: STRING NOT NULL AND storedDate =~ '[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?' THEN size(storedDate) < 10 OR toInteger(substring(storedDate, 8, 2)) <= CASE toInteger(substring(storedDate, 5, 2)) WHEN 2 THEN CASE WHEN (toInteger(substring(storedDate, 0, 4)) % 4 = 0 AND (toInteger(substring(storedDate, 0, 4)) % 100 <> 0 OR toInteger(substring(storedDate, 0, 4)) % 400 = 0)) THEN 29 ELSE 28 END WHEN 4 THEN 30 WHEN 6 THEN 30 WHEN 9 THEN 30 WHEN 11 THEN 30 ELSE 31 END ELSE false END)]) AS on
  WITH s, featured, on, (CASE WHEN on IS NULL THEN $from IS NULL AND $to IS NULL ELSE ($to IS NULL OR date(on) <= date($to)) AND ($from IS NULL OR CASE size(on) WHEN 4 THEN date(on) + duration('P1Y') - duration('P1D') WHEN 7 THEN date(on) + duration('P1M') - duration('P1D') ELSE date(on) END >= date($from)) END) AS inPeriod
  WHERE inPeriod OR on IS NULL
  WITH s, featured, on, inPeriod, CASE WHEN inPeriod THEN [(s)-[:PUBLISHED_BY]->(g:Agency) | [g.id, g.name]] END AS publishedBy
  RETURN collect(CASE WHEN inPeriod THEN
    [s.id, s.name, s.channel, s.publisher, on, featured, [g IN publishedBy | g[0]], [g IN publishedBy | g[1]]]
  END) AS stories,
  collect(CASE WHEN NOT inPeriod THEN s.id END) AS undatedStories
}
CALL (fieldLists) {
  UNWIND fieldLists AS fs UNWIND fs AS f
  WITH DISTINCT f
  RETURN collect({id: f.id, name: f.name, broader: [(f)-[:PART_OF*1..4]->(b:Field) | {id: b.id, name: b.name}]}) AS fields
}
CALL (homeLists, eventPlaces) {
  UNWIND homeLists + eventPlaces AS ps UNWIND ps AS p
  WITH DISTINCT p
  RETURN collect({place: p.id}) AS anchors
}

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
WITH m, awards, heldUp, exemplars, events, fields, stories, undatedStories,
     [r IN rollups | [r.place, r.lastDay, [c IN r.then | c.id], [c IN r.then | c.validFrom], [c IN r.then | c.validTo], r.now]] AS rollups,
     [p IN rollupPlaces | [p.id, p.name, p.level]] AS rollupPlaces
RETURN m {.id, .name, kind: 'MOVEMENT'} AS movement, apoc.convert.toJson({
  awards: {`id`: [row IN awards | row[0]], `on`: [row IN awards | row[1]], `recipients`: apoc.coll.flatten([row IN awards | row[2]]), `recipients#`: [row IN awards | size(row[2])], `form`: [row IN awards | row[3]], `level`: [row IN awards | row[4]], `kind`: [row IN awards | row[5]], `recipientsResolved`: [row IN awards | row[6]]},
  heldUp: {`id`: [row IN heldUp | row[0]], `since`: [row IN heldUp | row[1]]},
  exemplars: {`id`: [row IN exemplars | row[0]], `name`: [row IN exemplars | row[1]], `kind`: [row IN exemplars | row[2]], `fields`: apoc.coll.flatten([row IN exemplars | row[3]]), `fields#`: [row IN exemplars | size(row[3])], `homes`: apoc.coll.flatten([row IN exemplars | row[4]]), `homes#`: [row IN exemplars | size(row[4])], `events`: apoc.coll.flatten([row IN exemplars | row[5]]), `events#`: [row IN exemplars | size(row[5])]},
  events: {`id`: [row IN events | row[0]], `on`: [row IN events | row[1]], `places`: apoc.coll.flatten([row IN events | row[2]]), `places#`: [row IN events | size(row[2])]},
  fields: fields,
  stories: {`id`: [row IN stories | row[0]], `name`: [row IN stories | row[1]], `channel`: [row IN stories | row[2]], `publisher`: [row IN stories | row[3]], `on`: [row IN stories | row[4]], `featured`: apoc.coll.flatten([row IN stories | row[5]]), `featured#`: [row IN stories | size(row[5])], `publishers`: apoc.coll.flatten([row IN stories | row[6]]), `publishers#`: [row IN stories | size(row[6])], `publisherNames`: apoc.coll.flatten([row IN stories | row[7]]), `publisherNames#`: [row IN stories | size(row[7])]},
  undatedStories: undatedStories,
  rollups: {`place`: [row IN rollups | row[0]], `lastDay`: [row IN rollups | row[1]], `then`: apoc.coll.flatten([row IN rollups | row[2]]), `then#`: [row IN rollups | size(row[2])], `validFrom`: apoc.coll.flatten([row IN rollups | row[3]]), `validFrom#`: [row IN rollups | size(row[3])], `validTo`: apoc.coll.flatten([row IN rollups | row[4]]), `validTo#`: [row IN rollups | size(row[4])], `now`: apoc.coll.flatten([row IN rollups | row[5]]), `now#`: [row IN rollups | size(row[5])]},
  rollupPlaces: {`id`: [row IN rollupPlaces | row[0]], `name`: [row IN rollupPlaces | row[1]], `level`: [row IN rollupPlaces | row[2]]}
}) AS impact
