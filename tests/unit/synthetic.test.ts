import { createHash } from 'node:crypto';
import type { RelationshipRecord } from '../../src/importer/seedSchema';
import { SEED_FILES, validateDataset, type NodeRow, type RawFile } from '../../src/importer/validateDataset';
import type { Label } from '../../src/domain/labels';
import { generateSynthetic, planSynthetic } from '../../bench/synthetic/generateSynthetic';
import { DEFAULT_SEED, PROFILES, SYNTHETIC_SOURCE } from '../../bench/synthetic/profiles';
import { syntheticNodeProperties } from '../../bench/synthetic/writeBatch';

function collect(seed: number, entitiesPerBatch?: number) {
  const nodes: NodeRow[] = [];
  const relationships: RelationshipRecord[] = [];
  for (const batch of generateSynthetic({ profile: PROFILES.S, seed, entitiesPerBatch })) {
    nodes.push(...batch.nodes);
    relationships.push(...batch.relationships);
  }
  return { nodes, relationships };
}

const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

describe('synthetic generator', () => {
  const graph = collect(DEFAULT_SEED);

  it('gives the same graph for the same seed, whatever the batch size, and another graph for another seed', () => {
    const again = collect(DEFAULT_SEED, 777);
    expect(digest(again.nodes)).toBe(digest(graph.nodes));
    expect(digest(again.relationships)).toBe(digest(graph.relationships));
    expect(digest(collect(DEFAULT_SEED + 1).nodes)).not.toBe(digest(graph.nodes));
  });

  it('marks every node and relationship as synthetic', () => {
    for (const { record } of graph.nodes) {
      expect(record.id).toMatch(/^[a-z]+:syn-/);
      expect(record.sources).toEqual([SYNTHETIC_SOURCE]);
      expect(record.confidence).toBe('UNVERIFIED');
    }
    for (const rel of graph.relationships) {
      expect(rel.sources).toEqual([SYNTHETIC_SOURCE]);
      expect(rel.confidence).toBe('UNVERIFIED');
    }
    expect(SYNTHETIC_SOURCE).toMatch(/\.invalid\//);
    expect(syntheticNodeProperties(graph.nodes[0]!)).toMatchObject({ synthetic: true, nameAscii: expect.any(String) });
  });

  it("passes the importer's validator, as the real seeds must", () => {
    const byLabel = new Map<Label, unknown[]>();
    for (const { label, record } of graph.nodes) byLabel.set(label, [...(byLabel.get(label) ?? []), record]);
    const files: RawFile[] = [...byLabel].map(([label, content]) => ({ file: SEED_FILES[label], label, content }));
    files.push({ file: SEED_FILES.relationships, label: 'relationships', content: graph.relationships });
    const dataset = validateDataset(files);
    expect(dataset.nodes).toHaveLength(graph.nodes.length);
    expect(dataset.relationships).toHaveLength(graph.relationships.length);
  });

  it("has the country's shape: 34 current provinces, merged provinces with successors, communes with their agencies", () => {
    const places = graph.nodes.filter((n) => n.label === 'Place').map((n) => n.record);
    expect(places.filter((p) => p.level === 'PROVINCE' && !p.validTo)).toHaveLength(34);
    expect(places.filter((p) => p.level === 'PROVINCE' && p.validTo === '2025-06-30')).toHaveLength(29);
    expect(places.filter((p) => p.level === 'COMMUNE')).toHaveLength(PROFILES.S.communes);
    expect(graph.relationships.filter((r) => r.type === 'SUCCEEDED_BY' && r.from.startsWith('place:'))).toHaveLength(29);
    expect(graph.nodes.filter((n) => n.label === 'Person')).toHaveLength(PROFILES.S.people);
    expect(graph.nodes.length).toBeGreaterThan(9_000);
    expect(graph.nodes.length).toBeLessThan(11_000);
  });

  it('gives fields power-law sizes: the top field holds a large share of the exemplars, the smallest a sliver', () => {
    const perField = new Map<string, number>();
    for (const rel of graph.relationships) if (rel.type === 'ACTIVE_IN') perField.set(rel.to, (perField.get(rel.to) ?? 0) + 1);
    const sizes = [...perField.values()].sort((a, b) => b - a);
    const total = sizes.reduce((a, b) => a + b, 0);
    expect(sizes[0]! / total).toBeGreaterThan(0.2);
    expect((sizes[0]! + sizes[1]! + sizes[2]!) / total).toBeGreaterThan(0.4);
    expect(sizes[sizes.length - 1]! / total).toBeLessThan(0.01);
  });

  it('plans M at about 100k nodes with the full 3,321 communes, and L at about 1M nodes', () => {
    const m = planSynthetic({ profile: PROFILES.M, seed: DEFAULT_SEED });
    expect(m.totalNodes).toBeGreaterThan(95_000);
    expect(m.totalNodes).toBeLessThan(105_000);
    const l = planSynthetic({ profile: PROFILES.L, seed: DEFAULT_SEED });
    expect(l.totalNodes).toBeGreaterThan(950_000);
    expect(l.totalNodes).toBeLessThan(1_050_000);
  });
});
