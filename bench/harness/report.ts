import type { BenchResult, TargetResult } from './result';

function table(headers: readonly string[], rows: readonly (readonly string[])[], rightAligned: ReadonlySet<number>): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => (rightAligned.has(i) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join(' | ')} |`;
  return [
    line(headers),
    `|${widths.map((w, i) => (rightAligned.has(i) ? `${'-'.repeat(w + 1)}:` : `:${'-'.repeat(w + 1)}`)).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
}

const n = (value: number | null | undefined, digits = 1) => (value === null || value === undefined ? '–' : value.toFixed(digits));
const verdict = (t: TargetResult) => (t.met === null ? '–' : t.met ? 'met' : 'NOT met');

/**
 * Given a bench result, returns the report as Markdown tables: the run (machine, data, import),
 * latency and throughput of the API beside the raw driver, round trips and memory, and every
 * target with met or NOT met.
 */
export function formatReport(result: BenchResult): string {
  const m = result.machine;
  const imp = result.import;
  const out: string[] = [];
  out.push(`## exemplar-graph bench, size ${result.size}`);
  out.push('');
  out.push(
    `command: \`${result.command}\` (${result.phaseSeconds} s per phase; ${Math.round(result.elapsedSeconds)} s in all; ${result.startedAt})`,
  );
  out.push(
    `machine: ${m.cores} × ${m.cpu}, ${m.memoryGiB} GiB RAM, ${m.os}; Node ${m.node}; ${m.neo4j}, heap ${m.neo4jHeap}, page cache ${m.neo4jPageCache}`,
  );
  out.push(
    `load average (1 min): ${m.loadAverage} at start, ${result.loadAverageAtEnd} at end, on ${m.cores} cores (anything above the bench's own load is other work sharing the machine)`,
  );
  out.push(
    `API memory: ${result.rss.idleMb} MB RSS idle after start, ${result.rss.maxMb} MB peak under load (${result.rss.measuredIn === 'api process' ? 'the compiled API in a process of its own' : 'the bench process: API + harness'})` +
      (result.rss.childMaxMb === undefined ? '' : `; its movement base worker peaked at ${result.rss.childMaxMb} MB`),
  );
  out.push(
    `data: ${result.data.nodes.toLocaleString('en')} nodes, ${result.data.relationships.toLocaleString('en')} relationships (synthetic, generator v${result.generatorVersion}, seed ${result.seed}): ` +
      Object.entries(result.data.labels)
        .map(([label, count]) => `${label} ${count.toLocaleString('en')}`)
        .join(', '),
  );
  out.push(
    imp
      ? `import: ${(imp.totalMillis / 1000).toFixed(1)} s (${imp.mode}: writing ${(imp.loadMillis / 1000).toFixed(1)} s + constraints and indexes ${(imp.indexMillis / 1000).toFixed(1)} s; ${imp.rowsPerStatement} rows per transaction; ${imp.loadedAt})`
      : 'import: no marker (loaded outside the bench)',
  );
  out.push('');

  const measured = result.operations.filter((o) => o.status === 'measured');
  const latencyRows: string[][] = [];
  for (const op of measured) {
    for (const key of ['c1', 'c8'] as const) {
      const api = op.api?.[key];
      const raw = op.raw?.[key];
      const ratio = api && raw && raw.p50 > 0 ? api.p50 / raw.p50 : null;
      latencyRows.push([
        key === 'c1' ? op.name : '',
        String(api?.connections ?? ''),
        String(api?.requests ?? ''),
        n(api?.p50, 2),
        n(api?.p95, 2),
        n(api?.p99, 2),
        n(api?.rps, 0),
        n(raw?.p50, 2),
        n(raw?.p95, 2),
        n(raw?.p99, 2),
        n(raw?.rps, 0),
        ratio === null ? '–' : `${ratio.toFixed(2)}×`,
        String((api?.errors ?? 0) + (raw?.errors ?? 0)),
      ]);
    }
  }
  out.push('### Latency (ms) and throughput: API over HTTP beside the same Cypher through the raw driver');
  out.push('');
  out.push(
    table(
      [
        'operation',
        'conns',
        'API n',
        'API p50',
        'API p95',
        'API p99',
        'API req/s',
        'raw p50',
        'raw p95',
        'raw p99',
        'raw req/s',
        'API/raw p50',
        'errors',
      ],
      latencyRows,
      new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]),
    ),
  );
  out.push('');
  out.push('### Database round trips per request and API memory');
  out.push('');
  out.push(
    table(
      [
        'operation',
        'statements/request (driver)',
        'max',
        'via Graph (custom resolvers)',
        'transactions/request',
        'peak RSS MB',
        'peak heap used MB',
        "worker's peak RSS MB",
      ],
      measured.map((op) => [
        op.name,
        n(op.roundTrips?.perRequest, 2),
        String(op.roundTrips?.max ?? '–'),
        n(op.roundTrips?.viaGraph, 2),
        n(op.roundTrips?.transactions, 2),
        String(op.rssMaxMb ?? '–'),
        String(op.heapUsedMaxMb ?? '–'),
        String(op.childRssMaxMb ?? '–'),
      ]),
      new Set([1, 2, 3, 4, 5, 6, 7]),
    ),
  );
  out.push('');
  out.push('### Targets (docs/ARCHITECTURE.md)');
  out.push('');
  const targetRows: string[][] = [];
  for (const op of measured) {
    for (const t of op.targets) {
      targetRows.push([op.name, t.label, `${n(t.value, 2)} ${t.unit}`, t.limit, verdict(t), t.note ?? '']);
    }
  }
  for (const t of result.targets) {
    targetRows.push(['(run)', t.label, `${n(t.value, 1)} ${t.unit}`, t.limit, verdict(t), t.note ?? '']);
  }
  out.push(table(['operation', 'measure', 'value', 'target', 'verdict', 'note'], targetRows, new Set([2])));
  const others = result.operations.filter((o) => o.status !== 'measured');
  if (others.length > 0) {
    out.push('');
    out.push('### Not measured');
    out.push('');
    for (const op of others) out.push(`- ${op.name} (${op.status}): ${op.reason ?? ''}`);
  }
  return out.join('\n');
}
