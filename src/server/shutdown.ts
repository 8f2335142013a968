import type { Logger } from '../logging/createLogger';
import type { Readiness } from './readiness';

export interface ShutdownSteps {
  readonly readiness: Readiness;
  /** How long /readyz answers 503 while the listener still serves, so load balancers stop routing first. */
  readonly delayMs: number;
  /** Closes the listener and waits for in-flight requests (bounded by Apollo's drain grace period). */
  stopServing(): Promise<void>;
  /** Closes the driver and stops the embedded database. */
  closeDatabase(): Promise<void>;
  /** Kills what must not outlive the process when the steps above overrun (the database's JVM). */
  forceStop(): void;
  /** The steps above may take this long in all; then forceStop and exit 1. */
  readonly deadlineMs: number;
  readonly logger: Logger;
  readonly exit: (code: number) => void;
}

/**
 * Given the steps, returns the handler for SIGTERM and SIGINT: readiness goes to `draining`
 * (503), after delayMs the listener closes and in-flight requests finish (bounded), then the
 * database shuts down cleanly, then the process exits 0. A second signal while stopping changes
 * nothing; a stop that overruns its deadline kills the database and exits 1, so no process is
 * ever left behind.
 */
export function createShutdown(steps: ShutdownSteps): (signal: string) => Promise<void> {
  let stopping = false;
  return async (signal) => {
    if (stopping) {
      steps.logger.info(`${signal}: already stopping`);
      return;
    }
    stopping = true;
    const started = Date.now();
    steps.logger.info(`${signal}: not ready any more; draining requests, then stopping`);
    steps.readiness.beginShutdown();
    const deadline = setTimeout(() => {
      steps.logger.error(`stopping took more than ${steps.deadlineMs} ms; killing the database and exiting`);
      steps.forceStop();
      steps.exit(1);
    }, steps.deadlineMs);
    deadline.unref();
    try {
      await new Promise((resolve) => setTimeout(resolve, steps.delayMs));
      await steps.stopServing();
      await steps.closeDatabase();
      steps.logger.info(`stopped in ${Date.now() - started} ms`);
      clearTimeout(deadline);
      steps.exit(0);
    } catch (error) {
      steps.logger.error({ err: error }, 'stopping failed');
      steps.forceStop();
      steps.exit(1);
    }
  };
}
