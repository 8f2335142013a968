import { installWriteTriggers, writeTriggers } from '../../src/writes/installWriteTriggers';
import { testGraph } from '../support/testDatabase';

/** The migrations install the write triggers once; running them again changes nothing and finds them running. */
const graph = testGraph();
afterAll(() => graph.close());

describe('installWriteTriggers', () => {
  it('leaves the running triggers alone when the model has not changed, and reports them active', async () => {
    const lines: string[] = [];
    expect(await installWriteTriggers(graph, { log: (line) => lines.push(line), timeoutMs: 30_000 })).toEqual({ active: true });
    expect(lines).toEqual([]);
  });

  it('runs exactly the statements rendered from the current domain model', async () => {
    const rows = await graph.read('CALL apoc.trigger.list() YIELD name, query, paused RETURN name, query, paused ORDER BY name');
    const wanted = [...writeTriggers()].sort((a, b) => a.name.localeCompare(b.name));
    expect(rows.filter((r) => String(r.name).startsWith('exemplar_'))).toEqual(
      wanted.map((t) => ({ name: t.name, query: t.statement, paused: false })),
    );
  });
});
