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
// unknown), candidates (their reader contexts come from readerContext.cypher), version.
// The graph's version (the revision clock's epoch and transaction number) comes back with every row:
// the caller keeps reader contexts (readerContext.cypher) for one version only.
OPTIONAL MATCH (clock:RevisionClock {id: 'revisions'})
WITH CASE WHEN clock.epoch IS NULL THEN null ELSE clock.epoch + ':' + toString(clock.tx) END AS version
UNWIND $ids AS id
OPTIONAL MATCH (x:Entity {id: id})
WITH version, id, x, [l IN labels(x) WHERE l <> 'Entity'][0] AS label
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
  //    hub degree is left out, and each expansion is capped. Labels the relationship rules imply
  //    (src/domain/relationships.ts: PART_OF joins a place to places, only a story FEATURES, only an
  //    event OCCURRED_IN or is taken part in) are not checked again: each check reads the node, and
  //    without them the statement's p50 over the bench's 40 sources at L went from 14.8 to 12.9 ms (one run).
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
    MATCH up = (p)-[:PART_OF|LOCATED_IN|FLOWS_THROUGH*0..2]->(u:Place)
    WHERE COUNT { (u)--() } <= $hubDegree AND NOT u.level = 'COUNTRY'
    WITH u, min(length(up)) AS up
    ORDER BY up, u.id
    LIMIT $maxAnchors
    // Down through the hierarchy and the rivers only: a commune's LOCATED_IN holds all its people and
    // agencies, so only the source's own places are searched for the places located in them (a pass).
    CALL (u, up) {
      MATCH (u)<-[:PART_OF|FLOWS_THROUGH*0..2]-(inner)
      RETURN DISTINCT inner
      UNION
      WITH u WHERE up = 0
      MATCH (u)<-[:LOCATED_IN]-(inner:Place)
      RETURN inner
    }
    WITH inner, min(up) AS distance
    WHERE COUNT { (inner)--() } <= $hubDegree
    // Nearest units first (inside the source's own places, then inside their parents, ...), and no
    // more stories than the pool holds ($fetch): reading every story of a district costs more than the
    // rest of the statement together, and a further one could enter the pool only by being newer.
    ORDER BY distance, inner.id
    LIMIT $scanCap
    CALL (inner) {
      MATCH (inner)<-[:FEATURES]-(t)
      RETURN t
      UNION
      MATCH (inner)<-[:OCCURRED_IN]-()<-[:FEATURES]-(t)
      RETURN t
    }
    WITH DISTINCT t WHERE t <> x
    WITH t LIMIT $fetch
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
      MATCH (other)<-[:FEATURES]-(t)
      RETURN t
      UNION
      MATCH (other)-[:TOOK_PART_IN]->()<-[:FEATURES]-(t)
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
  // The hub anchors a kept story features: its FEATURES read once, whatever the number of hubs.
  WITH x, anchors, t, found, [h IN anchors WHERE h.degree > $hubDegree AND h.link <> 'FEATURES_IT'] AS hubAnchors
  WITH x, anchors, t, found, hubAnchors,
       CASE WHEN size(hubAnchors) = 0 THEN [] ELSE [(t)-[:FEATURES]->(n) | n] END AS featured
  WITH x, anchors, t, found, [h IN hubAnchors WHERE h.n IN featured] AS hubs
  WITH x, collect(t {.id, .title, .url, .publisher, .publishedAt, .publishedPeriod, .channel,
    evidence: [a IN found + hubs | {link: a.link, rel: a.rel, outward: a.outward, degree: a.degree,
      id: a.n.id, name: a.n.name, label: [l IN labels(a.n) WHERE l <> 'Entity'][0],
      level: CASE WHEN a.n:Agency OR a.n:Place THEN a.n.level END}]}) AS candidates
  RETURN candidates
}
RETURN id, label, candidates, version
