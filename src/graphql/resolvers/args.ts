import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { BadInputError } from '../../errors/domainErrors';

/** Given an Int argument and its bounds, returns it or throws BAD_USER_INPUT naming the value. */
export function intInRange(name: string, value: number | null | undefined, fallback: number, min: number, max: number): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < min || v > max) throw new BadInputError(name, v, `must be an integer from ${min} to ${max}`);
  return v;
}

/** Given a free-text argument, returns it trimmed or throws BAD_USER_INPUT when empty or too long. */
export function text(name: string, value: string, maxLength: number): string {
  const trimmed = value.trim();
  if (trimmed.length === 0) throw new BadInputError(name, value, 'must not be empty');
  if (trimmed.length > maxLength) {
    throw new BadInputError(name, `${trimmed.slice(0, 40)}…`, `must be at most ${maxLength} characters`);
  }
  return trimmed;
}

/**
 * Given a resolver's info and a field name, returns whether the operation selects that field
 * anywhere below the resolved field (through fragments too), not looking below the fields named
 * in \`skip\`. Directives such as @skip are not
 * evaluated: a field that may be selected counts as selected.
 */
export function selectsField(info: GraphQLResolveInfo, name: string, skip: readonly string[] = []): boolean {
  const visited = new Set<string>();
  const walk = (selectionSet: SelectionSetNode | undefined): boolean =>
    (selectionSet?.selections ?? []).some((selection) => {
      if (selection.kind === Kind.FIELD) {
        if (skip.includes(selection.name.value)) return false;
        return selection.name.value === name || walk(selection.selectionSet);
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) return walk(selection.selectionSet);
      const fragment = info.fragments[selection.name.value];
      if (!fragment || visited.has(fragment.name.value)) return false;
      visited.add(fragment.name.value);
      return walk(fragment.selectionSet);
    });
  return info.fieldNodes.some((node) => walk(node.selectionSet));
}
