import fs from 'node:fs';
import net from 'node:net';
import { freePort } from '../../src/neo4j/embedded/freePort';
import { PortInUseError } from '../../src/neo4j/embedded/portInUseError';
import { startEmbeddedNeo4j } from '../../src/neo4j/embedded/startEmbeddedNeo4j';
import { embeddedDefaults } from '../support/embeddedDefaults';
import { createTestDataDir, removeTestDataDir } from '../support/testDataDir';
import { testConnection } from '../support/testDatabase';

/** A plain TCP listener (not Neo4j) on a free loopback port; it drops every connection, so close() never waits. */
async function occupyPort(): Promise<net.Server> {
  const server = net.createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

function portOf(server: net.Server): number {
  return (server.address() as net.AddressInfo).port;
}

const dirs: string[] = [];
function dataDir(name: string): string {
  const dir = createTestDataDir(name);
  dirs.push(dir);
  return dir;
}
afterAll(() => dirs.forEach(removeTestDataDir));

describe('startEmbeddedNeo4j', () => {
  it('refuses a Bolt port that a plain TCP server already holds, naming the port, and starts nothing', async () => {
    const blocker = await occupyPort();
    const port = portOf(blocker);
    const dir = dataDir('refused');
    try {
      const attempt = startEmbeddedNeo4j({ ...embeddedDefaults(), dataDir: dir, boltPort: port, log: () => undefined });
      await expect(attempt).rejects.toBeInstanceOf(PortInUseError);
      await expect(attempt).rejects.toThrow(new RegExp(`Bolt port ${port} on 127\\.0\\.0\\.1 is already in use`));
      // No JVM was launched: it would have written its conf and console log here.
      expect(fs.readdirSync(dir)).toEqual([]);
      expect(blocker.listening).toBe(true);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  // The reported bug: a second suite attached to the first suite's database and wrote into it.
  (process.env.NEO4J_URI ? it.skip : it)(
    "refuses the port of a running Neo4j it did not start (this run's test database) instead of using it",
    async () => {
      const port = Number(new URL(testConnection().uri).port);
      const dir = dataDir('refused-neo4j');
      await expect(
        startEmbeddedNeo4j({ ...embeddedDefaults(), dataDir: dir, boltPort: port, log: () => undefined }),
      ).rejects.toThrow(new PortInUseError(port).message);
      expect(fs.readdirSync(dir)).toEqual([]);
    },
  );

  it('takes another free port when the one it chose is bound by another process before Neo4j binds it', async () => {
    const blocker = await occupyPort();
    const lost = portOf(blocker);
    const ports = [lost];
    const lines: string[] = [];
    try {
      const server = await startEmbeddedNeo4j({
        ...embeddedDefaults(),
        dataDir: dataDir('race'),
        // The first "free" port is already taken: the JVM fails to bind it, as when it loses a race.
        choosePort: async () => ports.shift() ?? freePort(),
        log: (line) => lines.push(line),
      });
      try {
        expect(server.boltPort).not.toBe(lost);
        expect(server.uri).toBe(`bolt://127.0.0.1:${server.boltPort}`);
        expect(lines).toContain(`Bolt port ${lost} was taken by another process before Neo4j bound it; choosing another.`);
      } finally {
        await server.stop();
      }
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  }, 300_000);
});
