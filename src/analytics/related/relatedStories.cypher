// relatedStories: for each id of a story or any entity, the stories most related to it, with the nodes behind each score
// and the reader context (events, places up the hierarchy, agencies, people) of the source and of every candidate.
// Read by src/analytics/related/relatedStories.ts, which states the rule and scores the rows.
// Parameters (in Neo4j Browser, run these :param lines first):
// :param ids => ['event:pai-lung-sinkhole-rescue-2023']
// :param weights => {FEATURES_IT: 1, FEATURES_SAME: 1, FEATURES_NEIGHBOUR: 0.5}
// :param today => '2025-07-01'
// :param neutralRecency => 0.75
// :param halfLifeYears => 5
// :param fetch => 60
// :param hubDegree => 1000
// :param maxAnchors => 50
// :param scanCap => 500
// $today: the day recency is measured from; $neutralRecency: the recency of an undated story;
// $halfLifeYears: recency halves its distance to 0.5 every this many years; $fetch: candidates kept per
// source (the reader paths are scored by the caller). Returns one row per id: id, label (null when
// unknown), source (the source's context), candidates.
UNWIND $ids AS id
OPTIONAL MATCH (x:Entity {id: id})
WITH id, x, [l IN labels(x) WHERE l <> 'Entity'][0] AS label
OPTIONAL CALL (x) {
  WITH x WHERE x IS NOT NULL
  // 1. Anchors: what the story features, or the entity itself and its direct neighbours.
  CALL (x) {
    MATCH (x:Story)-[:FEATURES]->(n)
    RETURN n, 'FEATURES_SAME' AS link, null AS rel, null AS outward
    UNION
    WITH x WHERE NOT x:Story
    RETURN x AS n, 'FEATURES_IT' AS link, null AS rel, null AS outward
    UNION
    MATCH (x)-[r:MEMBER_OF|ACTIVE_IN|TOOK_PART_IN|OCCURRED_IN|RECEIVED|CONFERRED_BY|FOR_EVENT|UNDER_MOVEMENT|EXEMPLAR_OF|LAUNCHED_BY|PART_OF|LOCATED_IN|SUCCEEDED_BY|FLOWS_THROUGH]-(n)
    WHERE NOT x:Story AND NOT n:Story AND n <> x
    WITH x, r, n LIMIT $scanCap
    RETURN n, 'FEATURES_NEIGHBOUR' AS link, type(r) AS rel, startNode(r) = x AS outward
  }
  WITH x, n, link, head(collect({rel: rel, outward: outward})) AS how
  WITH x, n, link, how, COUNT { (n)--() } AS degree
  ORDER BY link = 'FEATURES_IT' DESC, degree, n.id
  LIMIT $maxAnchors
  WITH x, collect({n: n, link: link, rel: how.rel, outward: how.outward, degree: degree}) AS anchors
  // 2. Reader paths beyond shared nodes: the units around the source's places (up to two levels up,
  //    then down again to the events and stories inside them) and the exemplars who share a unit, a
  //    field or a movement with the source's people. Every unit, agency, field and movement above the
  //    hub degree is left out, and each expansion is capped.
  WITH x, anchors,
       CASE WHEN x:Story THEN [(x)-[:FEATURES]->(n) | n][..$scanCap] ELSE [x] END AS feats
  WITH x, anchors, feats,
       CASE WHEN x:Story THEN [n IN feats WHERE n:Event]
            WHEN x:Event THEN [x]
            WHEN x:Agency OR x:Person THEN [(x)-[:TOOK_PART_IN]->(e:Event) | e][..$maxAnchors]
            ELSE [] END AS sourceEvents
  WITH x, anchors, feats, sourceEvents,
       [n IN feats WHERE n:Place] + [(x:Person)-[:LOCATED_IN]->(p:Place) | p] +
       reduce(acc = [], e IN sourceEvents | acc + [(e)-[:OCCURRED_IN]->(p:Place) | p]) AS basePlaces,
       [n IN feats WHERE n:Person] + reduce(acc = [], e IN sourceEvents | acc + [(e)<-[:TOOK_PART_IN]-(p) WHERE p:Person | p]) +
       CASE WHEN x:Agency THEN [(x)<-[:MEMBER_OF]-(p) WHERE p:Person | p][..$scanCap] ELSE [] END AS people
  CALL (x, basePlaces) {
    UNWIND basePlaces AS p
    MATCH (p)-[:PART_OF|LOCATED_IN|FLOWS_THROUGH*0..2]->(u:Place)
    WHERE COUNT { (u)--() } <= $hubDegree AND NOT u.level = 'COUNTRY'
    WITH DISTINCT u LIMIT $maxAnchors
    MATCH (u)<-[:PART_OF|LOCATED_IN|FLOWS_THROUGH*0..2]-(inner:Place)
    WITH DISTINCT inner LIMIT $scanCap
    WITH inner WHERE COUNT { (inner)--() } <= $hubDegree
    CALL (inner) {
      MATCH (inner)<-[:FEATURES]-(t:Story)
      RETURN t
      UNION
      MATCH (inner)<-[:OCCURRED_IN]-(:Event)<-[:FEATURES]-(t:Story)
      RETURN t
    }
    WITH DISTINCT t WHERE t <> x
    WITH t LIMIT $scanCap
    RETURN collect(t) AS placeStories
  }
  CALL (x, people) {
    UNWIND people AS p
    MATCH (p)-[:MEMBER_OF|ACTIVE_IN|EXEMPLAR_OF]->(hub)
    WHERE COUNT { (hub)--() } <= $hubDegree
    MATCH (hub)<-[:MEMBER_OF|ACTIVE_IN|EXEMPLAR_OF]-(other:Person)
    WHERE other <> p
    WITH DISTINCT other LIMIT $maxAnchors
    CALL (other) {
      MATCH (other)<-[:FEATURES]-(t:Story)
      RETURN t
      UNION
      MATCH (other)-[:TOOK_PART_IN]->(:Event)<-[:FEATURES]-(t:Story)
      RETURN t
    }
    WITH DISTINCT t WHERE t <> x
    WITH t LIMIT $scanCap
    RETURN collect(t) AS exemplarStories
  }
  CALL (x, anchors) {
    UNWIND [a IN anchors WHERE a.degree <= $hubDegree OR a.link = 'FEATURES_IT'] AS a
    CALL (x, a) {
      WITH a.n AS n
      MATCH (n)<-[:FEATURES]-(t:Story)
      WHERE t <> x
      RETURN t LIMIT $hubDegree
    }
    WITH t, collect(a) AS found
    RETURN collect({t: t, found: found}) AS direct
  }
  WITH x, anchors, direct + [s IN placeStories + exemplarStories WHERE NOT s IN [d IN direct | d.t] | {t: s, found: []}] AS all
  UNWIND all AS c
  WITH x, anchors, c.t AS t, reduce(acc = [], f IN collect(c.found) | acc + f) AS found
  WITH x, anchors, t, found,
       date(head([storedDate IN [coalesce(toString(t.publishedAt), t.publishedPeriod)] WHERE (CASE WHEN storedDate IS :: STRING NOT NULL AND storedDate =~ '[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?' THEN size(storedDate) < 10 OR toInteger(substring(storedDate, 8, 2)) <= CASE toInteger(substring(storedDate, 5, 2)) WHEN 2 THEN CASE WHEN (toInteger(substring(storedDate, 0, 4)) % 4 = 0 AND (toInteger(substring(storedDate, 0, 4)) % 100 <> 0 OR toInteger(substring(storedDate, 0, 4)) % 400 = 0)) THEN 29 ELSE 28 END WHEN 4 THEN 30 WHEN 6 THEN 30 WHEN 9 THEN 30 WHEN 11 THEN 30 ELSE 31 END ELSE false END)])) AS published
  WITH x, anchors, t, found, published,
       CASE WHEN published IS NULL THEN null ELSE duration.inDays(published, date($today)).days END AS ageDays
  WITH x, anchors, t, found, published,
       (0.05 + reduce(total = 0.0, a IN found | total + $weights[a.link] / log(2 + a.degree))) *
       CASE WHEN ageDays IS NULL THEN $neutralRecency
            ELSE 0.5 + 0.5 * 2.0 ^ (-(toFloat(CASE WHEN ageDays < 0 THEN 0 ELSE ageDays END) / 365.25) / $halfLifeYears) END AS provisional
  ORDER BY provisional DESC, published IS NULL, published DESC, t.id
  LIMIT $fetch
  CALL (t, anchors) {
    UNWIND [h IN anchors WHERE h.degree > $hubDegree AND h.link <> 'FEATURES_IT'] AS h
    WITH t, h, h.n AS hn
    WHERE EXISTS { (t)-[:FEATURES]->(hn) }
    RETURN collect(h) AS hubs
  }
  WITH x, collect(t {.id, .title, .url, .publisher, .publishedAt, .publishedPeriod, .channel,
    evidence: [a IN found + hubs | {link: a.link, rel: a.rel, outward: a.outward, degree: a.degree,
      id: a.n.id, name: a.n.name, label: [l IN labels(a.n) WHERE l <> 'Entity'][0],
      level: CASE WHEN a.n:Agency OR a.n:Place THEN a.n.level END}]}) AS candidates
  // 3. The reader context of the source and of every candidate, compared by the caller.
  UNWIND [x.id] + [c IN candidates | c.id] AS member
  CALL (member) {
    MATCH (t:Entity {id: member})
    WITH t, CASE WHEN t:Story THEN [(t)-[:FEATURES]->(n) | n][..$scanCap] ELSE [t] END AS feats
    WITH t, feats,
         CASE WHEN t:Story THEN [n IN feats WHERE n:Event]
              WHEN t:Event THEN [t]
              WHEN t:Place THEN [(t)<-[:PART_OF|LOCATED_IN|FLOWS_THROUGH*0..2]-(:Place)<-[:OCCURRED_IN]-(e:Event) | e][..$maxAnchors]
              WHEN t:Agency OR t:Person THEN [(t)-[:TOOK_PART_IN]->(e:Event) | e][..$maxAnchors]
              ELSE [] END AS events
    WITH t, feats, events,
         [n IN feats WHERE n:Place] + CASE WHEN t:Place THEN [] ELSE reduce(acc = [], e IN events | acc + [(e)-[:OCCURRED_IN]->(p:Place) | p]) END AS basePlaces,
         [n IN feats WHERE n:Agency] + reduce(acc = [], e IN events | acc + [(e)<-[:TOOK_PART_IN]-(g:Agency) | g]) AS baseAgencies,
         [n IN feats WHERE n:Person] + reduce(acc = [], e IN events | acc + [(e)<-[:TOOK_PART_IN]-(p) WHERE p:Person | p]) AS people,
         coalesce(head([e IN events WHERE coalesce(e.date, e.period) IS NOT NULL | toString(coalesce(e.date, e.period))]),
                  toString(t.publishedAt), t.publishedPeriod) AS day
    CALL (basePlaces, day) {
      UNWIND basePlaces AS p
      MATCH path = (p)-[:PART_OF|LOCATED_IN*0..2]->(u:Place)
      WHERE all(r IN relationships(path) WHERE day IS NULL
              OR ((r.validFrom IS NULL OR toString(r.validFrom) <= day) AND (r.validTo IS NULL OR toString(r.validTo) >= day)))
      WITH u, min(length(path)) AS up
      RETURN collect({id: u.id, name: u.name, level: u.level, up: up, degree: COUNT { (u)--() },
                      today: [(u)-[:SUCCEEDED_BY]->(s:Place) | {id: s.id, name: s.name}]}) AS places
    }
    CALL (baseAgencies, people) {
      UNWIND baseAgencies + reduce(acc = [], p IN people | acc + [(p)-[:MEMBER_OF]->(g:Agency) | g]) AS g
      MATCH path = (g)-[:PART_OF*0..1]->(u:Agency)
      WITH u, min(length(path)) AS up
      RETURN collect({id: u.id, name: u.name, level: u.level, kind: u.kind, up: up, degree: COUNT { (u)--() }}) AS agencies
    }
    RETURN {id: t.id, label: [l IN labels(t) WHERE l <> 'Entity'][0], day: day, title: t.title,
      events: [e IN events | {id: e.id, name: e.name, nameEn: e.nameEn, kind: e.kind,
        day: toString(coalesce(e.date, e.period)), degree: COUNT { (e)--() }}],
      places: places, agencies: agencies,
      people: [p IN people | {id: p.id, name: p.name,
        exemplar: EXISTS { (p)-[:EXEMPLAR_OF|RECEIVED|ACTIVE_IN]->() },
        links: [(p)-[r:MEMBER_OF|ACTIVE_IN|EXEMPLAR_OF]->(n) | {id: n.id, name: n.name, rel: type(r), degree: COUNT { (n)--() },
          narrow: NOT EXISTS { (n)<-[:PART_OF]-(:Field) }}] +
          [(p)-[:MEMBER_OF]->(g:Agency)-[:PART_OF*1..2]->(n:Agency) | {id: n.id, name: n.name, rel: 'WITHIN', degree: COUNT { (n)--() }, narrow: false,
            tier: head([a IN [g] + [(g)-[:PART_OF*1..2]->(up:Agency) | up] WHERE a.level <> 'UNIT' | a.level])}]}]} AS context
  }
  WITH x, candidates, collect(context) AS contexts
  RETURN head([k IN contexts WHERE k.id = x.id]) AS source,
         [c IN candidates | c {.*, context: head([k IN contexts WHERE k.id = c.id])}] AS candidates
}
RETURN id, label, source, candidates
