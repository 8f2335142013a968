import net from 'node:net';
import { freePort, portIsTaken } from '../../src/neo4j/embedded/freePort';

async function listen(host: string, port = 0): Promise<net.Server> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  return server;
}
const close = (server: net.Server) => new Promise((resolve) => server.close(resolve));

describe('freePort and portIsTaken', () => {
  it('gives a loopback port that is free, and that counts as taken once something listens on it', async () => {
    const port = await freePort();
    expect(port).toBeGreaterThan(0);
    expect(await portIsTaken(port)).toBe(false);
    const server = await listen('127.0.0.1', port);
    try {
      expect(await portIsTaken(port)).toBe(true);
    } finally {
      await close(server);
    }
    expect(await portIsTaken(port)).toBe(false);
  });

  it('counts a port as taken when a server listens on all interfaces', async () => {
    const server = await listen('0.0.0.0');
    try {
      expect(await portIsTaken((server.address() as net.AddressInfo).port)).toBe(true);
    } finally {
      await close(server);
    }
  });
});
