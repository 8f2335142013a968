import fs from 'node:fs';
import path from 'node:path';
import type { ProvinceMap, ProvinceMapId } from './provinceMap';

/** Where the committed maps are: the pages load them from there too (/assets/geo/<id>.geojson). */
const GEO_DIR = path.resolve(__dirname, '..', 'web', 'assets', 'geo');

const cache = new Map<ProvinceMapId, ProvinceMap>();

/** Given a map id, returns the committed map, read once per process (a few hundred kB, never changed while running). */
export function readProvinceMap(id: ProvinceMapId): ProvinceMap {
  let map = cache.get(id);
  if (!map) {
    map = JSON.parse(fs.readFileSync(path.join(GEO_DIR, `${id}.geojson`), 'utf8')) as ProvinceMap;
    cache.set(id, map);
  }
  return map;
}
