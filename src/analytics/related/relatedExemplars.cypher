// relatedExemplars: for each source id, the exemplars most like it, with the shared nodes behind each score.
// Read by src/analytics/related/relatedExemplars.ts, which states the rule and scores the rows.
// Parameters (in Neo4j Browser, run these :param lines first):
// :param ids => ['person:luu-minh-thuc']
// :param weights => {TOOK_PART_IN: 3, RECEIVED: 3, MEMBER_OF: 3, FEATURES: 1.5, EXEMPLAR_OF: 1, ACTIVE_IN: 1, LOCATED_IN: 1, WITHIN: 1}
// :param broaderFactor => 0.5
// :param fetch => 20
// :param hubDegree => 1000
// :param maxAnchors => 50
// :param scanCap => 500
// $weights: the weight of each linking relationship; $broaderFactor: the worth of each PART_OF step
// to a broader field; $fetch: candidates kept per source; $hubDegree, $maxAnchors, $scanCap: the
// expansion bounds (relatedScore.ts). Returns one row per id: id, label (null when unknown), candidates.
UNWIND $ids AS id
OPTIONAL MATCH (s:Entity {id: id})
WITH id, s, [l IN labels(s) WHERE l <> 'Entity'][0] AS label
CALL (s, label) {
  WITH s WHERE (s:Person OR s:Collective)
  CALL (s) {
    MATCH (s)-[r:TOOK_PART_IN|RECEIVED|ACTIVE_IN|MEMBER_OF|LOCATED_IN|EXEMPLAR_OF]->(n)
    RETURN n, type(r) AS rel, null AS below
    UNION
    MATCH (s)<-[:FEATURES]-(n:Story)
    RETURN n, 'FEATURES' AS rel, null AS below
    UNION
    MATCH (s)-[:ACTIVE_IN]->(below:Field)-[:PART_OF]->(n:Field)
    WHERE NOT (s)-[:ACTIVE_IN]->(n)
    RETURN n, 'ACTIVE_IN' AS rel, below
    UNION
    // The force (n) the source serves in through a unit of a lower level than the force (a district
    // police of the provincial police): rel names that level, so only peers at it match.
    MATCH (s)-[:MEMBER_OF]->(:Agency)-[:PART_OF*0..1]->(tier:Agency)-[:PART_OF]->(n:Agency)
    WHERE tier.level <> 'UNIT' AND tier.level <> n.level
    RETURN n, 'WITHIN:' + tier.level AS rel, null AS below
  }
  WITH s, n, rel, below LIMIT $scanCap
  WITH s, n, rel, below, COUNT { (n)--() } AS degree,
       CASE WHEN below IS NULL THEN 0 ELSE COUNT { (below)--() } END AS belowDegree
  ORDER BY degree, n.id
  LIMIT $maxAnchors
  WITH s, collect({n: n, rel: rel, below: below, degree: degree, belowDegree: belowDegree}) AS anchors
  WITH s, anchors, [(s)-[:ACTIVE_IN]->(f:Field) | f] AS sFields
  UNWIND [a IN anchors WHERE a.degree <= $hubDegree] AS a
  WITH s, anchors, sFields, a.n AS n, a.rel AS rel, a.below AS below, a.degree AS degree, a.belowDegree AS belowDegree
  CALL (s, n, rel, sFields) {
    MATCH (n)-[r2]-(c)
    WHERE type(r2) = rel AND CASE WHEN rel = 'FEATURES' THEN startNode(r2) = n ELSE endNode(r2) = n END
    RETURN c, null AS via, 0 AS viaDegree
    UNION
    // Each branch first checks the anchor's relation, so an anchor is expanded only along its own
    // path, and a force is read no deeper than $hubDegree members (its units' members are many).
    WITH n, rel, sFields WHERE rel = 'ACTIVE_IN'
    MATCH (n)<-[:PART_OF]-(via:Field)
    WHERE NOT via IN sFields
    WITH via, COUNT { (via)--() } AS viaDegree
    WHERE viaDegree <= $hubDegree
    MATCH (via)<-[:ACTIVE_IN]-(c)
    RETURN c, via, viaDegree
    UNION
    WITH n, rel WHERE rel STARTS WITH 'WITHIN:'
    MATCH (n)<-[:PART_OF]-(tier:Agency)
    WHERE rel = 'WITHIN:' + tier.level
    MATCH (tier)<-[:PART_OF*0..1]-(:Agency)<-[:MEMBER_OF]-(c)
    WITH c LIMIT $hubDegree
    RETURN c, null AS via, 0 AS viaDegree
  }
  WITH s, anchors, c, n, rel, below, via,
       (CASE WHEN below IS NULL THEN 0 ELSE 1 END) + (CASE WHEN via IS NULL THEN 0 ELSE 1 END) AS steps,
       reduce(m = degree, d IN [belowDegree, viaDegree] | CASE WHEN d > m THEN d ELSE m END) AS pathDegree
  WHERE c <> s AND (c:Person OR c:Collective) AND (below IS NULL OR NOT (c)-[:ACTIVE_IN]->(below))
  WITH s, anchors, c, n, rel, below, via, steps, pathDegree,
       $weights[CASE WHEN rel STARTS WITH 'WITHIN:' THEN 'WITHIN' ELSE rel END] * $broaderFactor ^ steps / log(2 + pathDegree) AS contribution
  ORDER BY contribution DESC
  WITH s, anchors, c, n, head(collect({rel: rel, steps: steps, degree: pathDegree, contribution: contribution,
       sourceField: below.name, candidateField: via.name})) AS best
  WITH s, anchors, c, sum(best.contribution) AS provisional,
       collect(best {.rel, .steps, .degree, .sourceField, .candidateField, id: n.id, name: n.name,
         label: [l IN labels(n) WHERE l <> 'Entity'][0]}) AS reasons
  WHERE EXISTS { (c)-[:EXEMPLAR_OF|RECEIVED|ACTIVE_IN]->() }
  ORDER BY provisional DESC, c.id
  LIMIT $fetch
  CALL (c, anchors) {
    UNWIND [h IN anchors WHERE h.degree > $hubDegree AND h.below IS NULL] AS h
    WITH c, h, h.n AS hn
    WHERE EXISTS { (c)-[r3]-(hn) WHERE type(r3) = h.rel }
    RETURN collect({rel: h.rel, steps: 0, degree: h.degree, sourceField: null, candidateField: null,
      id: hn.id, name: hn.name, label: [l IN labels(hn) WHERE l <> 'Entity'][0]}) AS hubReasons
  }
  RETURN collect({id: c.id, name: c.name, label: [l IN labels(c) WHERE l <> 'Entity'][0], reasons: reasons + hubReasons}) AS candidates
}
RETURN id, label, candidates
