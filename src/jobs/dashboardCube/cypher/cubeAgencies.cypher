// The dashboard cube's input: every agency's name, for the cube's dictionary. No parameters.
MATCH (g:Agency) RETURN g.id AS id, g.name AS name
