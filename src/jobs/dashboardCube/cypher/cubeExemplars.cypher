// The dashboard cube's input: every person or collective active in a field, with its fields and agencies. No parameters.
MATCH (x) WHERE (x:Person OR x:Collective) AND EXISTS { (x)-[:ACTIVE_IN]->(:Field) }
RETURN x.id AS id, [(x)-[:ACTIVE_IN]->(f:Field) | f.id] AS fields, [(x)-[:MEMBER_OF]->(g:Agency) | g.id] AS memberOf
