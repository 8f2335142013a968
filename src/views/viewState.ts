import { decompressFromEncodedURIComponent } from 'lz-string';
import { BadInputError } from '../errors/domainErrors';

/**
 * An explorer view's state as the page writes it into its URL (`/explore#v=<state>`): JSON,
 * compressed with lz-string's URI-safe encoding (src/web/assets/explore-state.js writes and reads
 * it). The server stores named views as the same text, so a saved view and a shared link are one
 * thing; it checks only what it must to refuse junk: the text decompresses to a JSON object of
 * this version with a list of nodes no longer than a view may hold.
 */

/** The version of the state the page writes; bumped when its shape changes incompatibly. */
export const VIEW_STATE_VERSION = 1;
/** Longest compressed state accepted (characters): a 2,000-node view with positions fits. */
export const MAX_STATE_LENGTH = 60_000;
/** Most nodes a view holds: the influence network's limit. */
export const MAX_VIEW_NODES = 2000;

/** Given the compressed state a client sends, returns it unchanged or throws BAD_USER_INPUT naming `state`. */
export function checkViewState(state: string): string {
  if (state.length === 0 || state.length > MAX_STATE_LENGTH) {
    throw new BadInputError('state', `${state.slice(0, 40)}…`, `must be 1 to ${MAX_STATE_LENGTH} characters`);
  }
  const text = decompressFromEncodedURIComponent(state);
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  const view = parsed as { v?: unknown; nodes?: unknown } | null;
  if (view === null || typeof view !== 'object' || Array.isArray(view)) {
    throw new BadInputError('state', `${state.slice(0, 40)}…`, 'is not a compressed explorer view');
  }
  if (view.v !== VIEW_STATE_VERSION) {
    throw new BadInputError('state', view.v ?? null, `must be an explorer view of version ${VIEW_STATE_VERSION}`);
  }
  if (!Array.isArray(view.nodes) || view.nodes.length > MAX_VIEW_NODES) {
    throw new BadInputError('state', `${state.slice(0, 40)}…`, `must hold a list of at most ${MAX_VIEW_NODES} nodes`);
  }
  return state;
}
