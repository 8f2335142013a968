// One page of ids of the name index in id order (after $after), with those whose entity is gone
// (deleted or merged away by a write path that does not index).
// :param after => ''
// :param limit => 5000
MATCH (k:NameKey)
WHERE k.id > $after
WITH DISTINCT k.id AS id
ORDER BY id
LIMIT $limit
WITH collect({id: id, gone: NOT EXISTS { MATCH (:Entity {id: id}) }}) AS page
RETURN coalesce(last(page).id, '') AS last, size(page) AS size, [p IN page WHERE p.gone | p.id] AS stale
