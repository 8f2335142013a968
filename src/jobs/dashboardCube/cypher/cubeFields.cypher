// The dashboard cube's input: every field with the broader fields it counts for. No parameters.
MATCH (f:Field) RETURN f.id AS id, COLLECT { MATCH (f)-[:PART_OF*1..4]->(b:Field) RETURN DISTINCT b.id } AS broader
