import path from 'node:path';
import type { Graph } from '../../neo4j/createGraph';
import { array, decode, decodeRows, nullable, object, string, type Decoder } from '../../neo4j/decode';
import { loadCypher } from '../../neo4j/loadCypher';
import {
  decodeCompactRollupRow,
  decodeRollupPlace,
  hydrateRollups,
  type CompactRollupRow,
  type PlaceRollupRow,
  type RollupPlace,
} from '../../analytics/shared/placeRollup';

/** The cube's input statements (cypher/*.cypher), each a whole-graph read with no parameters. */
const CYPHER = path.join(__dirname, 'cypher');
export const CUBE_INPUT_CYPHER = {
  fields: loadCypher(CYPHER, 'cubeFields.cypher'),
  exemplars: loadCypher(CYPHER, 'cubeExemplars.cypher'),
  events: loadCypher(CYPHER, 'cubeEvents.cypher'),
  awards: loadCypher(CYPHER, 'cubeAwards.cypher'),
  stories: loadCypher(CYPHER, 'cubeStories.cypher'),
  agencies: loadCypher(CYPHER, 'cubeAgencies.cypher'),
  places: loadCypher(CYPHER, 'cubePlaces.cypher'),
};

interface FieldRow {
  id: string;
  broader: string[];
}
interface ExemplarRow {
  id: string;
  fields: string[];
  memberOf: string[];
}
interface EventRow {
  id: string;
  on: string | null;
  places: string[];
  agencies: string[];
  participants: string[];
}
interface AwardRow {
  id: string;
  on: string | null;
  form: string | null;
  level: string | null;
  conferredBy: string[];
  recipients: string[];
  events: string[];
  homes: string[];
}
interface StoryRow {
  id: string;
  on: string | null;
  features: string[];
}

const ids = array(string);
const on = nullable(string);
export const CUBE_INPUT_DECODERS = {
  fields: object<FieldRow>({ id: string, broader: ids }),
  exemplars: object<ExemplarRow>({ id: string, fields: ids, memberOf: ids }),
  events: object<EventRow>({ id: string, on, places: ids, agencies: ids, participants: ids }),
  awards: object<AwardRow>({
    id: string,
    on,
    form: nullable(string),
    level: nullable(string),
    conferredBy: ids,
    recipients: ids,
    events: ids,
    homes: ids,
  }),
  stories: object<StoryRow>({ id: string, on, features: ids }),
  agencies: object<{ id: string; name: string }>({ id: string, name: string }),
  places: object<{ rollups: CompactRollupRow[]; rollupPlaces: RollupPlace[] }>({
    rollups: array(decodeCompactRollupRow),
    rollupPlaces: array(decodeRollupPlace),
  }),
};

async function read<K extends keyof typeof CUBE_INPUT_CYPHER>(
  graph: Graph,
  kind: K,
): Promise<(typeof CUBE_INPUT_DECODERS)[K] extends Decoder<infer T> ? T[] : never>;
async function read(graph: Graph, kind: keyof typeof CUBE_INPUT_CYPHER): Promise<unknown[]> {
  const decoder: Decoder<unknown> = CUBE_INPUT_DECODERS[kind];
  return decodeRows(`cube ${kind}`, await graph.read(CUBE_INPUT_CYPHER[kind]), decoder);
}

/** Given a graph, reads everything the cube is built from, in a few whole-graph statements run side by side. */
export async function readCubeInput(graph: Graph) {
  const [fields, exemplars, events, awards, stories, agencies, places] = await Promise.all([
    read(graph, 'fields'),
    read(graph, 'exemplars'),
    read(graph, 'events'),
    read(graph, 'awards'),
    read(graph, 'stories'),
    read(graph, 'agencies'),
    read(graph, 'places'),
  ]);
  return { fields, exemplars, events, awards, stories, agencies, ...decodePlaces(places[0]) };
}

/** Given the row of cubePlaces.cypher (or cubeScopePlaces.cypher), returns the rollups and their units. */
export function decodePlaces(row: unknown): { rollups: PlaceRollupRow[]; rollupPlaces: RollupPlace[] } {
  const placeRow = decode('cube places', row, CUBE_INPUT_DECODERS.places);
  return { rollups: hydrateRollups(placeRow.rollups, placeRow.rollupPlaces), rollupPlaces: placeRow.rollupPlaces };
}

export type CubeInput = Awaited<ReturnType<typeof readCubeInput>>;
