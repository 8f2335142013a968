// The dashboard cube's input: every story with its partial date and what it features. No parameters.
MATCH (s:Story) RETURN s.id AS id, coalesce(toString(s.publishedAt), s.publishedPeriod) AS on, [(s)-[:FEATURES]->(t) | t.id] AS features
