import type { PlaceReach } from '../shared/figures';
import type { MovementImpact } from './movementImpact';

/** A page of a long list: how many to skip and how many at most to list (all when null). */
export interface ListPage {
  readonly offset: number;
  readonly first: number | null;
}

/** The pages of movementImpact's long lists: replication (by recognition day) and places (then and now, most reached first). */
export interface ImpactPages {
  readonly replication: ListPage;
  readonly places: ListPage;
}

/** Every item of every list: the answer as it was before lists were paged. */
export const WHOLE_LISTS: ImpactPages = { replication: { offset: 0, first: null }, places: { offset: 0, first: null } };

/** A movement's impact with its long lists paged, and how long each is in all. */
export interface PagedMovementImpact extends MovementImpact {
  readonly replicationCount: number;
  readonly placesCount: { readonly then: number; readonly now: number };
}

/** Given a list in its order and a page, returns that page of it; pure. */
export function listPage<T>(items: readonly T[], page: ListPage): T[] {
  return items.slice(page.offset, page.first === null ? undefined : page.offset + page.first);
}

/**
 * Given a movement's impact and the pages asked for, returns the impact with only those pages of
 * replication and of the places reached (then and now, each paged alike), and the exact length of
 * each whole list, so a caller can show the top N with the total and page through the rest. The
 * lists keep their order, so pages put together give the whole list; pure.
 */
export function pageImpact(impact: MovementImpact, pages: ImpactPages): PagedMovementImpact {
  const places: PlaceReach = { then: listPage(impact.places.then, pages.places), now: listPage(impact.places.now, pages.places) };
  return {
    ...impact,
    replication: listPage(impact.replication, pages.replication),
    replicationCount: impact.replication.length,
    places,
    placesCount: { then: impact.places.then.length, now: impact.places.now.length },
  };
}
