import type { Graph } from '../neo4j/createGraph';
import { renderRevisionTrigger } from './renderRevisionTrigger';
import { renderValidationTrigger, validationRules } from './renderValidationTrigger';
import { readingTransactionMap, renderTriggerCall } from './triggerCall';

/**
 * Whether the database validates and records every write (docs/ARCHITECTURE.md, The write path).
 * When it does not (a server without APOC triggers), the API refuses writes rather than write
 * facts no one checked or recorded.
 */
export type WriteAudit = { readonly active: true } | { readonly active: false; readonly reason: string };

/** Our triggers carry this prefix; another of that prefix is an old one of ours and is dropped. */
const PREFIX = 'exemplar_';

export interface WriteTrigger {
  readonly name: string;
  /** The statement installed (triggerCall.ts); it names the version of what it runs, so comparing statements tells a changed model. */
  readonly statement: string;
  /** Its parameters: the statement it runs, and the rules that one reads. */
  readonly params: Readonly<Record<string, unknown>>;
}

function trigger(name: string, statement: string, params: Readonly<Record<string, unknown>>): WriteTrigger {
  const inner = readingTransactionMap(statement);
  return { name, statement: renderTriggerCall(name, inner, params), params: { ...params, statement: inner } };
}

/** The write triggers, rendered from the domain model each time the migrations run. */
export function writeTriggers(): readonly WriteTrigger[] {
  return [
    trigger(`${PREFIX}validate`, renderValidationTrigger(), { ...validationRules() }),
    trigger(`${PREFIX}revisions`, renderRevisionTrigger(), {}),
  ];
}

export interface InstallOptions {
  /**
   * How long to wait for APOC to load the triggers: it looks for changes every
   * apoc.trigger.refresh ms (1 000 on the embedded server, 60 000 by APOC's default elsewhere).
   */
  readonly timeoutMs?: number;
  readonly log?: (line: string) => void;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Given an error from installing or listing triggers, says in one sentence why writes cannot be audited. */
function whyNot(error: unknown): string {
  const message = messageOf(error);
  if (/no procedure|not found|unknown procedure/i.test(message)) {
    return `APOC core is not installed on this server, so writes cannot be validated and recorded (${message})`;
  }
  if (/trigger.*(not been enabled|enabled)/i.test(message)) {
    return `APOC triggers are not enabled on this server: set apoc.trigger.enabled=true in its apoc.conf (${message})`;
  }
  return `the write triggers could not be installed: ${message}`;
}

/**
 * Given the graph, installs (or replaces, when their rendering changed) the validation and
 * revision triggers in its database through the `system` database, drops older triggers of ours,
 * and polls until APOC runs the current statements (never a guessed sleep). Idempotent: a second
 * run with the same model changes nothing and returns at once. Returns whether writes are now
 * audited, and why not when they are not; it never throws for a server that cannot run them.
 */
export async function installWriteTriggers(graph: Graph, options: InstallOptions = {}): Promise<WriteAudit> {
  const wanted = writeTriggers();
  const system = graph.onDatabase('system');
  const database = graph.database;
  try {
    const installed = await system.read('CALL apoc.trigger.show($database) YIELD name, query RETURN name, query', { database });
    const current = new Map(installed.map((row) => [text(row.name), text(row.query)]));
    for (const name of current.keys()) {
      if (name.startsWith(PREFIX) && !wanted.some((t) => t.name === name)) {
        await system.write('CALL apoc.trigger.drop($database, $name)', { database, name });
      }
    }
    for (const trigger of wanted) {
      if (current.get(trigger.name) === trigger.statement) continue;
      options.log?.(`Installing the write trigger ${trigger.name}`);
      await system.write("CALL apoc.trigger.install($database, $name, $statement, {phase: 'before'}, {params: $params})", {
        database,
        name: trigger.name,
        statement: trigger.statement,
        params: trigger.params,
      });
    }
  } catch (error) {
    return { active: false, reason: whyNot(error) };
  }
  return awaitActive(graph, wanted, options.timeoutMs ?? 150_000);
}

/** Polls apoc.trigger.list() in the database until every wanted trigger runs its current statement, unpaused. */
async function awaitActive(graph: Graph, wanted: readonly WriteTrigger[], timeoutMs: number): Promise<WriteAudit> {
  const deadline = Date.now() + timeoutMs;
  let missing: string[] = wanted.map((t) => t.name);
  for (;;) {
    try {
      const rows = await graph.read('CALL apoc.trigger.list() YIELD name, query, paused RETURN name, query, paused');
      const running = new Map(rows.filter((row) => row.paused !== true).map((row) => [text(row.name), text(row.query)]));
      missing = wanted.filter((t) => running.get(t.name) !== t.statement).map((t) => t.name);
      if (missing.length === 0) return { active: true };
    } catch (error) {
      return { active: false, reason: whyNot(error) };
    }
    if (Date.now() >= deadline) {
      return {
        active: false,
        reason: `the write triggers ${missing.join(', ')} were installed but APOC did not load them within ${timeoutMs} ms (apoc.trigger.refresh)`,
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
