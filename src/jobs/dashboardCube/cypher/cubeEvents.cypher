// The dashboard cube's input: every event with its partial date, places, agencies and exemplar participants. No parameters.
MATCH (e:Event)
RETURN e.id AS id, coalesce(toString(e.date), e.period) AS on, [(e)-[:OCCURRED_IN]->(p:Place) | p.id] AS places,
       [(g:Agency)-[:TOOK_PART_IN]->(e) | g.id] AS agencies,
       [(x)-[:TOOK_PART_IN]->(e) WHERE (x:Person OR x:Collective) | x.id] AS participants
