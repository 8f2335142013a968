// fieldDashboard from the dashboard cube: the field, the place, whether the cube can answer (built,
// not stale, of this code's layout, holding the place: the whole country or a province), its
// dictionary when the caller does not hold this version's yet, and the scope's cells for the
// years asked, with their figures only where $figures names them (summariseCells.ts, cellsFor).
// Parameters (in Neo4j Browser, run these :param lines first):
// :param field => 'field:public-security'
// :param place => null
// :param root => 'current'
// :param format => 2
// :param scope => 'field:public-security|'
// :param knownVersion => ''
// :param first => 2022
// :param last => 2023
// :param wholeYears => true
// :param figures => ['2022/0', '2023/0']
MATCH (f:Field {id: $field})
OPTIONAL MATCH (pl:Place {id: $place})
OPTIONAL MATCH (cube:DashboardCube {id: $root})
WITH f, pl, cube, $place IS NOT NULL AND pl IS NULL AS placeMissing,
     cube IS NOT NULL AND NOT coalesce(cube.stale, false) AND cube.format = $format AND ($place IS NULL OR $place IN cube.places) AS usable
RETURN f {.id, .name, kind: 'FIELD'} AS field, CASE WHEN pl IS NULL THEN NULL ELSE pl {.id, .name, kind: 'PLACE'} END AS place,
       placeMissing, COLLECT { MATCH (f)<-[:PART_OF*0..4]-(s:Field) RETURN DISTINCT s.id } AS fields,
       usable, cube.version AS version, toString(cube.builtAt) AS builtAt,
       CASE WHEN usable AND cube.version <> $knownVersion THEN cube.dictionary END AS dictionary,
       CASE WHEN usable THEN COLLECT {
         MATCH (c:DashboardCell {scope: $scope})
         WHERE c.version = cube.version AND c.year >= $first AND c.year <= $last AND (c.month = 0 OR NOT $wholeYears)
         RETURN c {.year, .month, .x, data: CASE WHEN toString(c.year) + '/' + toString(c.month) IN $figures THEN c.data END}
       } ELSE [] END AS cells
