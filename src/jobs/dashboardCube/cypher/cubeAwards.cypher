// The dashboard cube's input: every award with its partial date, form, level, conferrers, exemplar recipients, events and recipients' homes. No parameters.
MATCH (a:Award)
RETURN a.id AS id, coalesce(toString(a.date), toString(a.year)) AS on, a.form AS form, a.level AS level,
       [(a)-[:CONFERRED_BY]->(g:Agency) | g.id] AS conferredBy,
       [(x)-[:RECEIVED]->(a) WHERE (x:Person OR x:Collective) | x.id] AS recipients,
       [(a)-[:FOR_EVENT]->(e:Event) | e.id] AS events,
       [(a)<-[:RECEIVED]-()-[:LOCATED_IN]->(p:Place) | p.id] AS homes
