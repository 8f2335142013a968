import type { WriteMetadata } from '../../neo4j/createGraph';

/**
 * The cube's writes touch system nodes only (DashboardCube, DashboardCell): the write triggers
 * skip them rather than look through every cell for a fact to check or record (src/writes). The
 * full build and the incremental update write under it.
 */
export const CUBE_WRITE: WriteMetadata = { actor: 'dashboard-cube', operation: 'jobs:dashboardCube', systemWrite: true };
