import { pino, type DestinationStream, type Logger, type LevelWithSilent } from 'pino';

export type { Logger };

/** The levels LOG_LEVEL may name, quietest last. */
export const LOG_LEVELS = [
  'trace',
  'debug',
  'info',
  'warn',
  'error',
  'fatal',
  'silent',
] as const satisfies readonly LevelWithSilent[];
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * Given a level (and optionally where to write, stdout by default), returns the process's JSON
 * logger: one line per event, `time`, `level` as a word and `msg`, errors under `err` with their
 * type, message and stack. Requests log through a child carrying their `requestId`
 * (server/requestScope.ts).
 */
export function createLogger(options: { level: LogLevel; destination?: DestinationStream }): Logger {
  return pino(
    {
      level: options.level,
      base: { service: 'exemplar-graph' },
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: pino.stdSerializers.err },
    },
    options.destination,
  );
}
