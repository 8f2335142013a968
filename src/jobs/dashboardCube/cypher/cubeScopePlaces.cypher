// The dashboard cube's input for some places only (an incremental update, refreshCubeFields.ts):
// the given places' containers then (with the days each chain held) and now, and each unit's name
// and level once, as cubePlaces.cypher reads them (placeRollup.ts states the rule).
// Parameters (in Neo4j Browser, run these :param lines first):
// :param places => ['place:xa-pai-lung']
UNWIND $places AS id
MATCH (p:Place {id: id}) WITH collect({place: p.id}) AS anchors
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
RETURN rollups, rollupPlaces
