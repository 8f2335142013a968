import { randomUUID } from 'node:crypto';
import { NotFoundError } from '../errors/domainErrors';
import type { Graph } from '../neo4j/createGraph';
import { array, decode, object, string } from '../neo4j/decode';
import { checkViewState } from './viewState';

/**
 * Named explorer views an editor stores for everyone: `SavedView` nodes (a system label, never an
 * Entity: never searched, walked or recorded as a revision) holding the page's compressed state.
 * A name is unique: saving under a taken name replaces that view's state.
 */
export const SAVED_VIEW_LABEL = 'SavedView';

/** Most views listed. */
export const VIEWS_LIMIT = 200;

export interface SavedView {
  readonly id: string;
  readonly name: string;
  /** The compressed state (viewState.ts), as in the explorer's URL. */
  readonly state: string;
  /** Who saved it last (the token's subject). */
  readonly savedBy: string;
  /** When it was saved last (ISO date-time). */
  readonly savedAt: string;
}

const decodeView = object<SavedView>({ id: string, name: string, state: string, savedBy: string, savedAt: string });
const VIEW_FIELDS = 'v {.id, .name, .state, .savedBy, savedAt: toString(v.savedAt)}';

const SAVE_CYPHER = `
MERGE (v:${SAVED_VIEW_LABEL} {name: $name})
ON CREATE SET v.id = $id
SET v.state = $state, v.savedBy = $savedBy, v.savedAt = datetime()
RETURN ${VIEW_FIELDS} AS view`;

const LIST_CYPHER = `
MATCH (v:${SAVED_VIEW_LABEL})
RETURN ${VIEW_FIELDS} AS view
ORDER BY v.savedAt DESC, v.id
LIMIT $limit`;

const DELETE_CYPHER = `
MATCH (v:${SAVED_VIEW_LABEL} {id: $id})
WITH v, v.id AS id
DELETE v
RETURN id`;

/** Given a name (trimmed, 1 to 120 characters, checked by the caller), a state and who saves it, stores the view and returns it. */
export async function saveView(graph: Graph, input: { name: string; state: string; savedBy: string }): Promise<SavedView> {
  const state = checkViewState(input.state);
  const rows = await graph.write(SAVE_CYPHER, {
    name: input.name,
    state,
    savedBy: input.savedBy,
    id: `view:${randomUUID()}`,
  });
  return decode('saveView', rows[0]?.view, decodeView);
}

/** Returns the saved views, the most recently saved first. */
export async function listViews(graph: Graph): Promise<SavedView[]> {
  const rows = await graph.read(LIST_CYPHER, { limit: VIEWS_LIMIT });
  return decode(
    'views',
    rows.map((r) => r.view),
    array(decodeView),
  );
}

/** Given a view's id, deletes it and returns its id; throws NOT_FOUND when no view has it. */
export async function deleteView(graph: Graph, id: string): Promise<string> {
  const rows = await graph.write(DELETE_CYPHER, { id });
  if (rows.length === 0) throw new NotFoundError('saved view', id);
  return id;
}
