import path from 'node:path';
import express, { type Router } from 'express';
import { createWidgetRoutes, type WidgetDependencies } from './createWidgetRoutes';

/** What the routes outside /graphql need: the widget's data sources (the pages read /graphql). */
export type WebDependencies = WidgetDependencies;

const ASSETS = path.join(__dirname, 'assets');
const nodeModules = path.resolve(__dirname, '..', '..', 'node_modules');
const VENDOR: Readonly<Record<string, string>> = {
  'echarts.min.js': path.join(nodeModules, 'echarts', 'dist', 'echarts.min.js'),
  'cytoscape.min.js': path.join(nodeModules, 'cytoscape', 'dist', 'cytoscape.min.js'),
  'cytoscape-svg.js': path.join(nodeModules, 'cytoscape-svg', 'cytoscape-svg.js'),
  'lz-string.min.js': path.join(nodeModules, 'lz-string', 'libs', 'lz-string.min.js'),
};

/**
 * Given the widget's data sources and CORS allow-list, returns the router for everything that is
 * not /graphql: the embeddable widget (createWidgetRoutes.ts: its script, its cacheable JSON read
 * and its anonymous counts), the demo page, the analyst and dashboard pages, and the chart and
 * graph libraries they load (no build step).
 */
export function createWebRoutes(deps: WebDependencies): Router {
  const router = express.Router();
  router.use(createWidgetRoutes(deps));

  router.get('/vendor/:file', (req, res) => {
    // Own keys only: `toString`, `constructor` or `__proto__` must not reach Object.prototype.
    const file = Object.hasOwn(VENDOR, req.params.file) ? VENDOR[req.params.file] : undefined;
    if (!file) {
      res.status(404).end();
      return;
    }
    res.set('Cache-Control', 'public, max-age=86400');
    res.sendFile(file);
  });

  for (const page of ['demo', 'dashboard', 'explore', 'review']) {
    router.get(`/${page}`, (_req, res) => {
      res.sendFile(path.join(ASSETS, `${page}.html`));
    });
  }
  router.use('/assets', express.static(ASSETS, { maxAge: '1h', index: false }));
  return router;
}
