import { createHash } from 'node:crypto';
import { ID_PREFIX, type Label } from '../domain/labels';
import { foldDiacritics } from '../text/foldDiacritics';

/** Longest slug kept from a name: ids stay readable in URLs and logs. */
const MAX_SLUG = 60;

/**
 * Given a label and a name, returns the readable id a new node gets (`person:nguyen-van-truong`):
 * the label's prefix, then the name folded to lower-case ASCII words joined by hyphens, cut at a
 * word boundary; a name with no letter or digit gets a short hash instead.
 */
export function entityId(label: Label, name: string): string {
  const words =
    foldDiacritics(name.normalize('NFC'))
      .toLowerCase()
      .match(/[a-z0-9]+/g) ?? [];
  let slug = '';
  for (const word of words) {
    const next = slug === '' ? word : `${slug}-${word}`;
    if (next.length > MAX_SLUG) break;
    slug = next;
  }
  if (slug === '') slug = `x-${createHash('sha1').update(name).digest('hex').slice(0, 8)}`;
  return `${ID_PREFIX[label]}:${slug}`;
}

/** Given an id and the ids already taken, returns it or the first free `-2`, `-3` … variant. */
export function freeId(id: string, taken: ReadonlySet<string>): string {
  if (!taken.has(id)) return id;
  for (let n = 2; ; n += 1) if (!taken.has(`${id}-${n}`)) return `${id}-${n}`;
}
