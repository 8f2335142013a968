import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadSeeds, SEED_DIR } from '../../src/importer/loadSeeds';
import { SeedValidationError } from '../../src/importer/validateDataset';
import type { Graph } from '../../src/neo4j/createGraph';
import { seedRecords, seedRelationships } from '../support/seedFacts';
import { testGraph } from '../support/testDatabase';

let graph: Graph;
beforeAll(() => {
  graph = testGraph();
});
afterAll(async () => {
  await graph.close();
});

async function counts(): Promise<{ nodes: number; relationships: number }> {
  const [row] = await graph.read(
    'MATCH (n:Entity) WITH count(n) AS nodes MATCH ()-[r]->() RETURN nodes, count(r) AS relationships',
  );
  return { nodes: row?.nodes as number, relationships: row?.relationships as number };
}

const SEED_FILES = ['places', 'agencies', 'fields', 'people', 'collectives', 'events', 'awards', 'movements', 'stories'];

describe('the seed importer', () => {
  it('holds every seed node and relationship after loading', async () => {
    const ids = SEED_FILES.flatMap((f) => seedRecords(`${f}.json`).map((r) => r.id as string));
    const [found] = await graph.read('UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN count(n) AS n', { ids });
    expect(found?.n).toBe(ids.length);
    const rels = seedRelationships();
    const [edges] = await graph.read(
      'UNWIND $rels AS r MATCH (a:Entity {id: r.from})-[x]->(b:Entity {id: r.to}) WHERE type(x) = r.type RETURN count(x) AS n',
      { rels: rels.map(({ type, from, to }) => ({ type, from, to })) },
    );
    expect(edges?.n).toBe(rels.length);
  });

  it('leaves identical node and relationship counts when run twice', async () => {
    const before = await counts();
    const report = await loadSeeds(graph, SEED_DIR, { progress: false });
    expect(report.nodes).toBe(SEED_FILES.reduce((sum, f) => sum + seedRecords(`${f}.json`).length, 0));
    expect(await counts()).toEqual(before);
    await loadSeeds(graph, SEED_DIR, { progress: false });
    expect(await counts()).toEqual(before);
  });

  it('rejects an invalid file whole, naming each record path, and writes nothing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seeds-invalid-'));
    for (const file of fs.readdirSync(SEED_DIR)) fs.copyFileSync(path.join(SEED_DIR, file), path.join(dir, file));
    const people = seedRecords('people.json');
    people.push({
      id: 'person:only-in-the-invalid-copy',
      name: 'Người Thử',
      sources: ['story:seed-article'],
      confidence: 'UNVERIFIED',
    });
    people[2] = { ...people[2], birthYear: 'nineteen ninety' };
    fs.writeFileSync(path.join(dir, 'people.json'), JSON.stringify(people));
    const rels = seedRelationships();
    rels.push({
      type: 'ACTIVE_IN',
      from: 'person:only-in-the-invalid-copy',
      to: 'field:does-not-exist',
      sources: ['story:seed-article'],
      confidence: 'UNVERIFIED',
    });
    fs.writeFileSync(path.join(dir, 'relationships.json'), JSON.stringify(rels));
    const before = await counts();

    let caught: unknown;
    try {
      await loadSeeds(graph, dir, { progress: false });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SeedValidationError);
    const problems = (caught as SeedValidationError).problems.map((p) => `${p.file} ${p.path}`);
    expect(problems).toEqual(expect.arrayContaining(['people.json [2].birthYear', `relationships.json [${rels.length - 1}].to`]));
    expect((caught as Error).message).toContain('unknown node field:does-not-exist');
    expect(await counts()).toEqual(before);
    const [valid] = await graph.read('MATCH (p:Person {id: "person:only-in-the-invalid-copy"}) RETURN count(p) AS n');
    expect(valid?.n).toBe(0);
  });
});
