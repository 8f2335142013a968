/** Administrative levels from the smallest up; a parent is named after its child at a higher level. */
export const PLACE_LEVEL_ORDER: readonly string[] = ['VILLAGE', 'COMMUNE', 'DISTRICT', 'PROVINCE', 'COUNTRY'];

/** Given two lists of possible levels, returns whether some level of `parent` is above some level of `child`. */
export function canContain(parent: readonly string[], child: readonly string[]): boolean {
  const rank = (level: string) => PLACE_LEVEL_ORDER.indexOf(level);
  return parent.some((p) => child.some((c) => rank(p) > rank(c) && rank(c) >= 0));
}
