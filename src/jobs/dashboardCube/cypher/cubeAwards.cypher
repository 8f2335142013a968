// The dashboard cube's input: every award with its partial date, form, level, conferrers, exemplar recipients, events and recipients' homes. No parameters.
MATCH (a:Award)
RETURN a.id AS id, head([storedDate IN [coalesce(toString(a.date), toString(a.year))] WHERE (CASE WHEN storedDate IS :: STRING NOT NULL AND storedDate =~ '[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?' THEN size(storedDate) < 10 OR toInteger(substring(storedDate, 8, 2)) <= CASE toInteger(substring(storedDate, 5, 2)) WHEN 2 THEN CASE WHEN (toInteger(substring(storedDate, 0, 4)) % 4 = 0 AND (toInteger(substring(storedDate, 0, 4)) % 100 <> 0 OR toInteger(substring(storedDate, 0, 4)) % 400 = 0)) THEN 29 ELSE 28 END WHEN 4 THEN 30 WHEN 6 THEN 30 WHEN 9 THEN 30 WHEN 11 THEN 30 ELSE 31 END ELSE false END)]) AS on, a.form AS form, a.level AS level,
       [(a)-[:CONFERRED_BY]->(g:Agency) | g.id] AS conferredBy,
       [(x)-[:RECEIVED]->(a) WHERE (x:Person OR x:Collective) | x.id] AS recipients,
       [(a)-[:FOR_EVENT]->(e:Event) | e.id] AS events,
       [(a)<-[:RECEIVED]-()-[:LOCATED_IN]->(p:Place) | p.id] AS homes
