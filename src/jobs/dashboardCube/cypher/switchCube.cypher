// Switches the dashboard cube to a newly written version, unless a newer build got there first;
// the cube is stale at once when an edit came in during the build (changes moved on).
// Parameters (in Neo4j Browser, run these :param lines first):
// :param root => 'current'
// :param version => '2025-07-01T00:00:00.000Z-00000000'
// :param places => ['place:tinh-ha-giang']
// :param dictionary => '[]'
// :param changesAtStart => 0
// :param buildMillis => 0
// :param format => 2
MERGE (c:DashboardCube {id: $root})
WITH c, c.version IS NULL OR c.version < $version AS newer
SET c.version = CASE WHEN newer THEN $version ELSE c.version END,
    c.builtAt = CASE WHEN newer THEN datetime() ELSE c.builtAt END,
    c.places = CASE WHEN newer THEN $places ELSE c.places END,
    c.dictionary = CASE WHEN newer THEN $dictionary ELSE c.dictionary END,
    c.stale = CASE WHEN newer THEN coalesce(c.changes, 0) <> $changesAtStart ELSE c.stale END,
    c.buildMillis = CASE WHEN newer THEN $buildMillis ELSE c.buildMillis END,
    c.format = CASE WHEN newer THEN $format ELSE c.format END
RETURN c.version AS version, c.stale AS stale
