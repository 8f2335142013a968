import { clearStoredScores, precomputeScores } from './precomputeScores';
import { withDatabase } from '../withDatabase';

/**
 * `npm run precompute:scores -- [--engine GDS|GRAPHOLOGY] [--clear]`: writes whole-graph
 * PageRank and Louvain community to every node (`pagerank`, `community`), with GDS when the server
 * has it, so influenceNetwork reads them instead of recomputing; `--clear` removes them again.
 * Rerun after imports: stored scores are as old as the last run.
 */
withDatabase(
  async (graph) => {
    const args = process.argv.slice(2);
    if (args.includes('--clear')) {
      await clearStoredScores(graph);
      console.log('Removed stored pagerank and community.');
      return;
    }
    const forced = args[args.indexOf('--engine') + 1];
    if (args.includes('--engine') && forced !== 'GDS' && forced !== 'GRAPHOLOGY') {
      throw new Error('--engine must be GDS or GRAPHOLOGY');
    }
    const report = await precomputeScores(graph, args.includes('--engine') ? { engine: forced as 'GDS' | 'GRAPHOLOGY' } : {});
    console.log(
      `${report.engine}: wrote pagerank and community to ${report.nodes} nodes (${report.communities} communities) in ${report.millis} ms`,
    );
    // Whole-graph algorithms outlast the API's per-request timeout (QUERY_TIMEOUT_MS).
  },
  { queryTimeoutMs: 30 * 60_000 },
);
