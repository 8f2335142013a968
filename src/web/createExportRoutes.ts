import express, { type Request, type Response, type Router } from 'express';
import { fieldDashboard } from '../analytics/dashboard/fieldDashboard';
import { influenceNetwork } from '../analytics/network/influenceNetwork';
import { dashboardMap } from '../dashboard/dashboardMap';
import { BadInputError, NotFoundError } from '../errors/domainErrors';
import { toApiError } from '../errors/toApiError';
import { DASHBOARD_PANELS, dashboardExport, dashboardPanel, type DashboardPanelId } from '../exports/dashboardTables';
import type { ExportGraph } from '../exports/exportGraph';
import { parseExportGraph } from '../exports/exportGraphSchema';
import { fromInfluenceNetwork } from '../exports/fromInfluenceNetwork';
import { writeDashboardXlsx } from '../exports/writeDashboardXlsx';
import { writeGexf } from '../exports/writeGexf';
import { writeEdgesCsv, writeNodesCsv } from '../exports/writeGraphCsv';
import { writeGraphml } from '../exports/writeGraphml';
import { writePanelCsv } from '../exports/writePanelCsv';
import { isoDay, ordered } from '../graphql/resolvers/analysisResolvers';
import { influenceRequest } from '../graphql/resolvers/influenceArgs';
import type { Graph } from '../neo4j/createGraph';
import { scopeOf } from '../server/requestScope';
import { pageTranslator } from './pageStrings';

/**
 * Files for scripts and spreadsheets, as plain GETs with the query's own arguments:
 *
 * - `/export/influence-network.{gexf,graphml,nodes.csv,edges.csv}?ids=a,b|field=…|place=…&depth=&limit=&engine=&recompute=`:
 *   an influenceNetwork answer (GEXF 1.3 with dates as dynamics, GraphML, CSV node and edge lists);
 * - `POST /export/view.{gexf,graphml,nodes.csv,edges.csv}` with a graph as JSON (exportGraph.ts):
 *   the explorer's current view, with its positions;
 * - `/export/dashboard/<panel>.csv?field=&place=&from=&to=&lang=` and `/export/dashboard.xlsx?…`:
 *   the dashboard's panels, figure for figure what fieldDashboard answers, in the page's words.
 *
 * CSV takes `bom=true` for Excel. A bad or unknown argument answers 400 BAD_USER_INPUT naming it,
 * an unknown id 404 NOT_FOUND, with the error policy's JSON body; nothing half-written is sent.
 */
export interface ExportDependencies {
  readonly graph: Graph;
  readonly maskUnexpected: boolean;
}

const GRAPH_FORMATS = {
  gexf: {
    type: 'application/gexf+xml; charset=utf-8',
    write: (g: ExportGraph) => writeGexf(g, { description: 'exemplar-graph' }),
  },
  graphml: { type: 'application/graphml+xml; charset=utf-8', write: (g: ExportGraph) => writeGraphml(g) },
  'nodes.csv': { type: 'text/csv; charset=utf-8', write: (g: ExportGraph, bom: boolean) => writeNodesCsv(g, { bom }) },
  'edges.csv': { type: 'text/csv; charset=utf-8', write: (g: ExportGraph, bom: boolean) => writeEdgesCsv(g, { bom }) },
} as const;
type GraphFormat = keyof typeof GRAPH_FORMATS;

const INFLUENCE_PARAMS = ['ids', 'field', 'place', 'depth', 'limit', 'engine', 'recompute', 'bom'];
const DASHBOARD_PARAMS = ['field', 'place', 'from', 'to', 'lang', 'bom'];

/** Given the request's query and the names it may use, returns each as one string; throws BAD_USER_INPUT on an unknown or repeated one. */
function queryOf(req: Request, allowed: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, value] of Object.entries(req.query)) {
    if (!allowed.includes(name)) {
      throw new BadInputError(name, value, `is no argument of this export (use ${allowed.join(', ')})`);
    }
    if (typeof value !== 'string') throw new BadInputError(name, value, 'must be given once');
    out.set(name, value);
  }
  return out;
}

function integer(name: string, raw: string | undefined): number | null {
  if (raw === undefined) return null;
  if (!/^\d{1,6}$/.test(raw)) throw new BadInputError(name, raw, 'must be a whole number');
  return Number(raw);
}

function flag(name: string, raw: string | undefined): boolean {
  if (raw === undefined || raw === 'false') return false;
  if (raw === 'true') return true;
  throw new BadInputError(name, raw, 'must be true or false');
}

function graphFormat(raw: string | undefined): GraphFormat {
  if (raw !== undefined && Object.hasOwn(GRAPH_FORMATS, raw)) return raw as GraphFormat;
  throw new BadInputError('format', raw ?? null, `must be one of ${Object.keys(GRAPH_FORMATS).join(', ')}`);
}

function sendFile(res: Response, body: string | Uint8Array, type: string, filename: string): void {
  res.set('Content-Type', type);
  res.set('Content-Disposition', `attachment; filename="${filename}"`);
  res.set('Cache-Control', 'no-store');
  res.send(typeof body === 'string' ? body : Buffer.from(body));
}

/** Wraps a route so any error answers by the error policy (the same as GraphQL's and the widget's). */
function handled(maskUnexpected: boolean, route: (req: Request, res: Response) => Promise<void>) {
  return async (req: Request, res: Response) => {
    try {
      await route(req, res);
    } catch (error) {
      const api = toApiError(error, { maskUnexpected });
      const { log, requestId } = scopeOf(res);
      if (api.unexpected) log.error({ err: error, route: req.path }, 'unexpected error in an export route');
      res.set('Cache-Control', 'no-store');
      res.status(api.httpStatus).json({ code: api.code, message: api.message, ...api.extensions, requestId });
    }
  };
}

/** Given the graph, returns the router of the export endpoints above. */
export function createExportRoutes(deps: ExportDependencies): Router {
  const router = express.Router();
  const { graph, maskUnexpected } = deps;

  router.get(
    /^\/export\/influence-network\.(gexf|graphml|nodes\.csv|edges\.csv)$/,
    handled(maskUnexpected, async (req, res) => {
      const format = graphFormat(req.params[0]);
      const q = queryOf(req, INFLUENCE_PARAMS);
      const engine = q.get('engine');
      if (engine !== undefined && engine !== 'GDS' && engine !== 'GRAPHOLOGY') {
        throw new BadInputError('engine', engine, 'must be GDS or GRAPHOLOGY');
      }
      const { seedBy, options } = influenceRequest({
        ids: q.has('ids')
          ? q
              .get('ids')!
              .split(',')
              .map((id) => id.trim())
              .filter(Boolean)
          : null,
        field: q.get('field') ?? null,
        place: q.get('place') ?? null,
        depth: integer('depth', q.get('depth')),
        limit: integer('limit', q.get('limit')),
        engine: engine ?? null,
        recompute: flag('recompute', q.get('recompute')),
      });
      const result = await influenceNetwork(graph, seedBy, options);
      if (!result.found) {
        if ('engineUnavailable' in result) {
          throw new BadInputError('engine', 'GDS', 'this server has no Graph Data Science library');
        }
        throw new NotFoundError('field' in seedBy ? 'field' : 'place' in seedBy ? 'place' : 'node', result.missing);
      }
      const { type, write } = GRAPH_FORMATS[format];
      sendFile(res, write(fromInfluenceNetwork(result.network), flag('bom', q.get('bom'))), type, `influence-network.${format}`);
    }),
  );

  router.post(
    /^\/export\/view\.(gexf|graphml|nodes\.csv|edges\.csv)$/,
    express.json({ limit: '5mb' }),
    handled(maskUnexpected, (req, res) => {
      const format = graphFormat(req.params[0]);
      const q = queryOf(req, ['bom']);
      const { type, write } = GRAPH_FORMATS[format];
      sendFile(res, write(parseExportGraph(req.body), flag('bom', q.get('bom'))), type, `explorer-view.${format}`);
      return Promise.resolve();
    }),
  );

  /** Reads a dashboard's filters, fetches it as the page does (no ids: the cube when it can answer) and its map. */
  async function dashboardFor(req: Request) {
    const q = queryOf(req, DASHBOARD_PARAMS);
    const field = q.get('field');
    if (!field) throw new BadInputError('field', null, "is required: a field's id");
    const from = isoDay('from', q.get('from') ?? '');
    const to = isoDay('to', q.get('to') ?? '');
    ordered(from, to);
    const lang = q.get('lang') ?? 'vi';
    if (lang !== 'vi' && lang !== 'en') throw new BadInputError('lang', lang, 'must be vi or en');
    const place = q.get('place') || null;
    const result = await fieldDashboard(graph, field, place, from!, to!, { ids: false });
    if (!result.found) {
      throw result.missing === 'field' ? new NotFoundError('field', field) : new NotFoundError('place', place ?? '');
    }
    const t = pageTranslator('dashboard', lang);
    return { dashboard: result.dashboard, map: dashboardMap(result.dashboard), t, bom: flag('bom', q.get('bom')) };
  }

  router.get(
    '/export/dashboard/:panel.csv',
    handled(maskUnexpected, async (req, res) => {
      const panel = String(req.params.panel);
      if (!(DASHBOARD_PANELS as readonly string[]).includes(panel)) {
        throw new BadInputError('panel', panel, `must be one of ${DASHBOARD_PANELS.join(', ')}`);
      }
      const { dashboard, map, t, bom } = await dashboardFor(req);
      const all = dashboardExport(dashboard, map, t);
      const csv = writePanelCsv(all, dashboardPanel(panel as DashboardPanelId, dashboard, map, t), { bom });
      sendFile(res, csv, 'text/csv; charset=utf-8', `dashboard-${panel}.csv`);
    }),
  );

  router.get(
    '/export/dashboard.xlsx',
    handled(maskUnexpected, async (req, res) => {
      const { dashboard, map, t } = await dashboardFor(req);
      const xlsx = await writeDashboardXlsx(dashboardExport(dashboard, map, t, new Date().toISOString()));
      sendFile(res, xlsx, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'dashboard.xlsx');
    }),
  );
  return router;
}
