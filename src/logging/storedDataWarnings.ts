import { createLogger, type Logger } from './createLogger';

/**
 * Bad data already stored (a period "2023-13" written before validation existed, or by raw Cypher
 * with the triggers bypassed) degrades an answer and never fails it: the code that meets it
 * treats it as missing and says so here, once per kind of problem and value, so a busy server
 * does not log the same row on every request. The process's logger is registered by createApp;
 * until then (jobs, scripts) warnings go to a JSON logger on stdout.
 */

/** Distinct warnings remembered; past that, new ones are still logged, the memory stays bounded. */
const REMEMBERED = 10_000;

let logger: Logger | undefined;
const seen = new Set<string>();

/** Given the process's logger, sends stored-data warnings to it. */
export function setStoredDataLogger(next: Logger): void {
  logger = next;
}

/**
 * Given a key naming the problem and the value (`period`, "2023-13") and a sentence, logs a
 * warning the first time this key is seen in the process; later ones are dropped.
 */
export function warnStoredData(key: string, message: string, details: Readonly<Record<string, unknown>> = {}): void {
  if (seen.has(key)) return;
  if (seen.size < REMEMBERED) seen.add(key);
  logger ??= createLogger({ level: 'warn' });
  logger.warn({ storedData: key, ...details }, message);
}
