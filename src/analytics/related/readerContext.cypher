// readerContext: for each id of a story or any entity, what a reader knows about it beyond the nodes it
// features: its events, the places they lie in up the hierarchy as it stood on the day (and their 2025
// successors), the agencies doing the work, the people with their units, fields and movements, and the
// awards it reports with who conferred them.
// Read by src/analytics/related/readerContextCache.ts; decoded by relatedStoryContext.ts.
// Parameters (in Neo4j Browser, run these :param lines first):
// :param ids => ['story:nhandan-pai-lung-2023', 'event:pai-lung-sinkhole-rescue-2023']
// :param maxAnchors => 50
// :param scanCap => 500
// Returns one row per id found: context, and version (the revision clock's epoch and transaction number,
// null before the migrations made one) so the caller keeps a context only for the version it was read at.
OPTIONAL MATCH (clock:RevisionClock {id: 'revisions'})
WITH CASE WHEN clock.epoch IS NULL THEN null ELSE clock.epoch + ':' + toString(clock.tx) END AS version
UNWIND $ids AS member
CALL (member) {
  MATCH (t:Entity {id: member})
  WITH t, CASE WHEN t:Story THEN [(t)-[:FEATURES]->(n) | n][..$scanCap] ELSE [t] END AS feats
  WITH t, feats,
       CASE WHEN t:Story THEN [n IN feats WHERE n:Event]
            WHEN t:Event THEN [t]
            WHEN t:Place THEN COLLECT { MATCH (t)<-[:PART_OF|LOCATED_IN|FLOWS_THROUGH*0..2]-(:Place)<-[:OCCURRED_IN]-(e:Event) RETURN e LIMIT $maxAnchors }
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
  // A field with narrower fields below it is broad; an agency or a movement is never "broad" that way.
  RETURN {id: t.id, label: [l IN labels(t) WHERE l <> 'Entity'][0], day: day, title: t.title,
    events: [e IN events | {id: e.id, name: e.name, nameEn: e.nameEn, kind: e.kind, summary: e.summary,
      day: toString(coalesce(e.date, e.period)), degree: COUNT { (e)--() }}],
    places: places, agencies: agencies,
    // The commendations it reports: an award given for an event is an ad hoc one (khen thưởng đột xuất),
    // and who conferred it (a provincial committee, a provincial police) sets its level and province.
    awards: [n IN feats WHERE n:Award | {id: n.id, name: n.name, category: n.category,
      forEvent: EXISTS { (n)-[:FOR_EVENT]->(:Event) },
      issuerLevel: head([(n)-[:CONFERRED_BY]->(g:Agency) | g.level]),
      issuerPlace: head([(n)-[:CONFERRED_BY]->(:Agency)-[:LOCATED_IN]->(p:Place) | p.id])}],
    people: [p IN people | {id: p.id, name: p.name,
      exemplar: EXISTS { (p)-[:EXEMPLAR_OF|RECEIVED|ACTIVE_IN]->() },
      links: [(p)-[r:MEMBER_OF|ACTIVE_IN|EXEMPLAR_OF]->(n) | {id: n.id, name: n.name, rel: type(r), degree: COUNT { (n)--() },
        narrow: CASE WHEN n:Field THEN NOT EXISTS { (n)<-[:PART_OF]-(:Field) } ELSE true END}] +
        [(p)-[:MEMBER_OF]->(g:Agency)-[:PART_OF*1..2]->(n:Agency) | {id: n.id, name: n.name, rel: 'WITHIN', degree: COUNT { (n)--() }, narrow: false,
          tier: head([a IN [g] + [(g)-[:PART_OF*1..2]->(up:Agency) | up] WHERE a.level <> 'UNIT' | a.level])}]}]} AS context
}
RETURN context, version
