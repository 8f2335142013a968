import type { EmbeddedNeo4j, JvmExit } from '../../src/neo4j/embedded/startEmbeddedNeo4j';
import { superviseEmbeddedNeo4j, type SupervisorState } from '../../src/neo4j/embedded/superviseEmbeddedNeo4j';
import { waitFor } from '../support/waitFor';

/**
 * The supervisor's rules with a stand-in starter (the real restart of a killed JVM is in
 * tests/integration/supervision.test.ts): what it restarts, on which port, when it gives up.
 */
interface FakeServer extends EmbeddedNeo4j {
  die(exit?: JvmExit): void;
  stopped: boolean;
}

function fakeStarter(failFrom = Infinity) {
  const servers: FakeServer[] = [];
  const ports: (number | undefined)[] = [];
  const start = (options: { boltPort?: number | undefined }): Promise<EmbeddedNeo4j> => {
    ports.push(options.boltPort);
    if (servers.length >= failFrom) return Promise.reject(new Error('could not start'));
    let die!: (exit: JvmExit) => void;
    const exited = new Promise<JvmExit>((resolve) => (die = resolve));
    const server: FakeServer = {
      uri: 'bolt://127.0.0.1:7999',
      boltPort: 7999,
      pid: 1000 + servers.length,
      exited,
      stopped: false,
      die: (exit = { code: null, signal: 'SIGKILL' }) => die(exit),
      stop() {
        server.stopped = true;
        die({ code: 0, signal: null });
        return Promise.resolve();
      },
    };
    servers.push(server);
    return Promise.resolve(server);
  };
  return { start, servers, ports };
}

const options = { home: '/nowhere', dataDir: '/nowhere', heap: '1g', pageCache: '1g', log: () => undefined };
const fast = { initialBackoffMs: 5, maxBackoffMs: 20 };

describe('superviseEmbeddedNeo4j', () => {
  it('restarts a server that died, on the same port, and counts the restart', async () => {
    const fake = fakeStarter();
    const states: SupervisorState[] = [];
    const db = await superviseEmbeddedNeo4j(options, { ...fast, onStateChange: (s) => states.push(s) }, fake.start);
    expect(db.pid()).toBe(1000);
    fake.servers[0]!.die();
    await waitFor(() => db.state() === 'running' && db.pid() === 1001, { what: 'the restart', timeoutMs: 2_000, intervalMs: 5 });
    expect(fake.ports).toEqual([undefined, 7999]);
    expect(db.restarts()).toBe(1);
    expect(states).toEqual(['restarting', 'running']);
    await db.stop();
    expect(fake.servers[1]!.stopped).toBe(true);
    expect(db.state()).toBe('stopped');
  });

  it('does not restart a server it was asked to stop', async () => {
    const fake = fakeStarter();
    const db = await superviseEmbeddedNeo4j(options, fast, fake.start);
    await db.stop();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fake.servers).toHaveLength(1);
    expect(db.state()).toBe('stopped');
  });

  it('gives up after maxAttempts failed restarts: the process cannot recover (state failed)', async () => {
    const fake = fakeStarter(1);
    const db = await superviseEmbeddedNeo4j(options, { ...fast, maxAttempts: 3 }, fake.start);
    fake.servers[0]!.die({ code: 1, signal: null });
    await waitFor(() => db.state() === 'failed', { what: 'the supervisor to give up', timeoutMs: 2_000, intervalMs: 5 });
    // The first start, then three attempts.
    expect(fake.ports).toHaveLength(4);
    await db.stop();
  });

  it('stops a restart in progress when asked to stop', async () => {
    const fake = fakeStarter();
    const db = await superviseEmbeddedNeo4j(options, { initialBackoffMs: 60_000 }, fake.start);
    fake.servers[0]!.die();
    await waitFor(() => db.state() === 'restarting', { what: 'the restart to begin', timeoutMs: 1_000, intervalMs: 5 });
    await db.stop();
    expect(fake.servers).toHaveLength(1);
    expect(db.state()).toBe('stopped');
  });
});
