import { BadInputError } from '../errors/domainErrors';

/**
 * How the database's write trigger (writes/renderValidationTrigger.ts) says why it refused a
 * transaction: apoc.util.validate fails the commit with Neo.ClientError.Transaction.TransactionHookFailed,
 * whose message carries this marker and the problems as base64 JSON (so no value a client wrote
 * can break the framing). This module reads it back into the API's BAD_USER_INPUT.
 */
export const REFUSAL_MARKER = 'EXEMPLAR_WRITE_REFUSED';
const REFUSAL = new RegExp(`${REFUSAL_MARKER}:([A-Za-z0-9+/=]*):`);
const HOOK_FAILED = 'Neo.ClientError.Transaction.TransactionHookFailed';

/** One problem the trigger found: which node or relationship, which property (or `labels`, `type`, `from`, `to`), its value, why. */
export interface WriteProblem {
  /** The node's id, or `from -TYPE-> to` for a relationship. */
  readonly entity: string | null;
  /** The node's label or the relationship's type. */
  readonly owner: string;
  readonly property: string;
  readonly value: unknown;
  readonly why: string;
}

function isProblem(value: unknown): value is WriteProblem {
  const p = value as Partial<WriteProblem> | null;
  return typeof p?.owner === 'string' && typeof p.property === 'string' && typeof p.why === 'string';
}

/** Given a driver error's message, returns the problems the trigger listed, or undefined when it is not a refusal. */
export function refusalProblems(message: string): WriteProblem[] | undefined {
  const match = REFUSAL.exec(message);
  if (!match) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(match[1] ?? '', 'base64').toString('utf8')) as unknown;
    return Array.isArray(parsed) ? parsed.filter(isProblem) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Given any error, returns a BadInputError for a transaction the write trigger refused: the first
 * problem's field (`Story.publishedPeriod`) and value, and every problem in the message; else
 * undefined.
 */
export function fromTriggerRefusal(error: unknown): BadInputError | undefined {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (code !== HOOK_FAILED || typeof message !== 'string') return undefined;
  const problems = refusalProblems(message);
  const first = problems?.[0];
  if (!problems || !first) return undefined;
  const where = (p: WriteProblem) => `${p.owner}.${p.property}${p.entity ? ` of ${p.entity}` : ''}`;
  const others = problems.slice(1).map((p) => `${where(p)} ${JSON.stringify(p.value)}: ${p.why}`);
  const why = `${first.why}${first.entity ? ` (${first.entity})` : ''}; nothing was written${
    others.length > 0 ? `. Also: ${others.join('; ')}` : ''
  }`;
  return new BadInputError(`${first.owner}.${first.property}`, first.value, why);
}
