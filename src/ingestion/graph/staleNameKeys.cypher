// One page of entities in id order (after $after, the Entity id index gives the order), with the
// ids among them whose rows of the name index are missing or were derived from other names
// (renamed, aliases edited, created by a write path that does not index): the names of
// nameKeys.ts's fingerprint, rebuilt here from the stored node and compared with each row's `of`.
// :param after => ''
// :param limit => 5000
// :param separator => '\u001f'
// :param labels => ['Person', 'Collective', 'Agency', 'Field', 'Event', 'Award', 'Movement', 'Story', 'Place']
MATCH (n:Entity)
WHERE n.id > $after
WITH n
ORDER BY n.id
LIMIT $limit
WITH n,
     head([l IN labels(n) WHERE l IN $labels]) + $separator + n.name + $separator +
     reduce(s = '', a IN coalesce(n.aliases, []) | s + a + $separator) + $separator + coalesce(n.title, '') AS of
WITH collect({id: n.id, stale: n.name IS NOT NULL AND NOT EXISTS { MATCH (k:NameKey {id: n.id}) WHERE k.of = of }}) AS page
RETURN coalesce(last(page).id, '') AS last, size(page) AS size, [p IN page WHERE p.stale | p.id] AS stale
