import { buildDashboardCube } from './buildDashboardCube';
import { withDatabase } from '../withDatabase';

/**
 * `npm run precompute:dashboards`: builds the dashboard cube (fieldDashboard's figures per field,
 * country or province, and year) from the graph's current facts and swaps it in. Imports through
 * the project's importer and edits through the API rebuild it themselves; run this after loading
 * data any other way.
 */
withDatabase(async (graph) => {
  const report = await buildDashboardCube(graph, (line) => console.log(line));
  console.log(
    `Dashboard cube ${report.version}: ${report.cells} cells for ${report.scopes} scopes in ${report.millis} ms${report.stale ? ' (already stale: the graph changed while it was built)' : ''}`,
  );
});
