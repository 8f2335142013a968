import { EmbeddedSetupError } from './resolveRuntime';

/**
 * Thrown when the Bolt port asked for is already held by another process (another Neo4j or
 * anything else): the embedded server never starts beside it nor uses a server it did not start.
 */
export class PortInUseError extends EmbeddedSetupError {
  constructor(
    readonly port: number,
    /** What the caller can do about it, in the caller's own terms (an env variable, a flag). */
    hint = 'choose another port, or let a free one be chosen',
  ) {
    super(
      `Bolt port ${port} on 127.0.0.1 is already in use by another process; refusing to start Neo4j there or to use a server this process did not start. ${hint}`,
    );
    this.name = 'PortInUseError';
  }
}

/** What to do when the configured port (npm start, npm run db:start) is taken. */
export function configuredPortHint(port: number): string {
  return `Set NEO4J_BOLT_PORT to a free port for the embedded database, or NEO4J_URI=bolt://127.0.0.1:${port} to use the server that listens there.`;
}
