import { partialInterval } from '../analytics/shared/period';

/**
 * Given an element's partial start and end dates, returns the days a timeline shows it: from the
 * first day of its start to the last day of its end ("2020-10" starts on 2020-10-01; a validTo of
 * "2025-06-30" ends that day), null for an open bound.
 */
export function exportDays(element: { readonly start?: string | null; readonly end?: string | null }): {
  start: string | null;
  end: string | null;
} {
  return { start: partialInterval(element.start)?.start ?? null, end: partialInterval(element.end)?.end ?? null };
}
