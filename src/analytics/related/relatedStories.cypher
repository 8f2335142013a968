// relatedStories: for each id of a story or any entity, the stories most related to it, with the nodes behind each score.
// Read by src/analytics/related/relatedStories.ts, which states the rule and scores the rows.
// Parameters (in Neo4j Browser, run these :param lines first):
// :param ids => ['event:pai-lung-sinkhole-rescue-2023']
// :param weights => {FEATURES_IT: 1, FEATURES_SAME: 1, FEATURES_NEIGHBOUR: 0.5}
// :param today => '2025-07-01'
// :param neutralRecency => 0.75
// :param halfLifeYears => 5
// :param fetch => 20
// :param hubDegree => 1000
// :param maxAnchors => 50
// :param scanCap => 500
// $today: the day recency is measured from; $neutralRecency: the recency of an undated story;
// $halfLifeYears: recency halves its distance to 0.5 every this many years. Returns one row per id:
// id, label (null when unknown), candidates.
UNWIND $ids AS id
OPTIONAL MATCH (x:Entity {id: id})
WITH id, x, [l IN labels(x) WHERE l <> 'Entity'][0] AS label
CALL (x) {
  WITH x WHERE x IS NOT NULL
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
  UNWIND [a IN anchors WHERE a.degree <= $hubDegree OR a.link = 'FEATURES_IT'] AS a
  WITH x, anchors, a, a.n AS n
  CALL (x, n) {
    MATCH (n)<-[:FEATURES]-(t:Story)
    WHERE t <> x
    RETURN t LIMIT $hubDegree
  }
  WITH x, anchors, t, collect(a) AS found
  WITH x, anchors, t, found,
       date(head([storedDate IN [coalesce(toString(t.publishedAt), t.publishedPeriod)] WHERE (CASE WHEN storedDate IS :: STRING NOT NULL AND storedDate =~ '[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?' THEN size(storedDate) < 10 OR toInteger(substring(storedDate, 8, 2)) <= CASE toInteger(substring(storedDate, 5, 2)) WHEN 2 THEN CASE WHEN (toInteger(substring(storedDate, 0, 4)) % 4 = 0 AND (toInteger(substring(storedDate, 0, 4)) % 100 <> 0 OR toInteger(substring(storedDate, 0, 4)) % 400 = 0)) THEN 29 ELSE 28 END WHEN 4 THEN 30 WHEN 6 THEN 30 WHEN 9 THEN 30 WHEN 11 THEN 30 ELSE 31 END ELSE false END)])) AS published
  WITH x, anchors, t, found, published,
       CASE WHEN published IS NULL THEN null ELSE duration.inDays(published, date($today)).days END AS ageDays
  WITH x, anchors, t, found, published,
       reduce(total = 0.0, a IN found | total + $weights[a.link] / log(2 + a.degree)) *
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
  RETURN collect(t {.id, .title, .url, .publisher, .publishedAt, .publishedPeriod, .channel,
    evidence: [a IN found + hubs | {link: a.link, rel: a.rel, outward: a.outward, degree: a.degree,
      id: a.n.id, name: a.n.name, label: [l IN labels(a.n) WHERE l <> 'Entity'][0]}]}) AS candidates
}
RETURN id, label, candidates
