import express, { type Router } from 'express';
import type { Readiness } from './readiness';

/**
 * Given readiness and liveness, returns the probes' routes. /livez fails (503) only when the
 * process cannot recover by itself (its supervisor gave up on the database), so an orchestrator
 * restarts it; /readyz answers 503 while the database is down or frozen and while draining, within
 * a second. Neither body says more than the status: no driver, pool or host details.
 */
export function healthRoutes(readiness: Readiness, isLive: () => boolean): Router {
  const router = express.Router();
  router.get('/livez', (_req, res) => {
    const live = isLive();
    res.set('Cache-Control', 'no-store');
    res.status(live ? 200 : 503).json({ status: live ? 'ok' : 'failed' });
  });
  router.get('/readyz', async (_req, res) => {
    const status = await readiness.check();
    res.set('Cache-Control', 'no-store');
    res.status(status === 'ready' ? 200 : 503).json({ status });
  });
  return router;
}
