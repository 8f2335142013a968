import net from 'node:net';

/** The embedded server listens on loopback only; ports are checked and chosen there. */
export const LOOPBACK = '127.0.0.1';

/**
 * Asks the operating system for a TCP port that is free on 127.0.0.1 right now (listen on port
 * 0, read the port it gave, close). Another process may take it before the caller binds it, so a
 * caller that loses that race must choose again.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen({ port: 0, host: LOOPBACK, exclusive: true }, () => {
      const address = server.address();
      server.close(() => {
        if (address !== null && typeof address === 'object') resolve(address.port);
        else reject(new Error('the operating system gave no port'));
      });
    });
  });
}

/**
 * Given a port, says whether something already holds it on 127.0.0.1, by trying to bind it
 * there (a listener on 0.0.0.0 or :: holds it too). This checks the TCP port itself: whatever
 * listens, Bolt or not, counts.
 */
export function portIsTaken(port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') resolve(true);
      else reject(error);
    });
    server.listen({ port, host: LOOPBACK, exclusive: true }, () => server.close(() => resolve(false)));
  });
}
