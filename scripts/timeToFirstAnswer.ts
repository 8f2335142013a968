import { execFileSync, spawn } from 'node:child_process';

/**
 * `npx tsx scripts/timeToFirstAnswer.ts`: runs `npm start` as a fresh process group, times it to
 * the first answered GraphQL query, waits for it to settle, prints the idle RSS of the API and of
 * Neo4j, then stops the group with SIGTERM. Honours PORT and the NEO4J_* settings. Cold start:
 * run it in a fresh clone with an empty ~/.m2.
 */
async function main(): Promise<void> {
  const port = process.env.PORT ?? '4000';
  const started = Date.now();
  const child = spawn('npm', ['start'], { stdio: 'ignore', detached: true, env: process.env });
  const deadline = started + 15 * 60_000;
  for (;;) {
    if (Date.now() > deadline) throw new Error('no answer within 15 minutes');
    try {
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ events(where: { id: { eq: "event:pai-lung-sinkhole-rescue-2023" } }) { name } }' }),
      });
      const body = (await response.json()) as { data?: unknown };
      if (body.data) break;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  console.log(`first answer after ${Date.now() - started} ms`);
  await new Promise((resolve) => setTimeout(resolve, 15_000));
  // Every process of the group: npm, the tsx launcher, the API (node running src/main.ts under
  // tsx's loader) and the Neo4j JVM. Node 24 names its main thread "MainThread", so match on args.
  const ps = execFileSync('ps', ['-o', 'rss=,args=', '-g', String(child.pid)], { encoding: 'utf8' });
  for (const line of ps.trim().split('\n')) {
    const match = /^\s*(\d+)\s+(.*)$/.exec(line);
    if (!match?.[1] || !match[2]) continue;
    const role = match[2].includes('tsx/dist/preflight')
      ? 'API'
      : match[2].includes('java')
        ? 'Neo4j'
        : match[2].includes('.bin/tsx')
          ? 'tsx launcher'
          : undefined;
    if (role) console.log(`idle RSS ${role}: ${Math.round(Number(match[1]) / 1024)} MB`);
  }
  process.kill(-(child.pid ?? 0), 'SIGTERM');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
