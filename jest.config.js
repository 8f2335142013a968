/**
 * Two projects: `unit` (pure functions, no database) and `integration` (the real Neo4j 5.26 with
 * APOC that tests/support/globalSetup.ts starts for this run, or the server NEO4J_URI names).
 */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }];

/** @type {import('jest').Config} */
module.exports = {
  // Starting a Neo4j takes seconds, and a test that stops and restarts one takes tens of seconds.
  testTimeout: 120000,
  // In band, on purpose and on every machine: the integration files share one database whose
  // state they change (seeds, fixtures, the dashboard cube), so two at once would break each
  // other. Jest's default (cores - 1) gave one worker only on a two-core machine. maxWorkers is
  // global in Jest (not per project), so the unit files run in band too: they take seconds.
  maxWorkers: 1,
  // A failed test could leave a child JVM running; never let that hang CI.
  forceExit: true,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/unit/**/*.test.ts'],
      transform: { '^.+\\.ts$': tsJest },
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      transform: { '^.+\\.ts$': tsJest },
      globalSetup: '<rootDir>/tests/support/globalSetup.ts',
      globalTeardown: '<rootDir>/tests/support/globalTeardown.ts',
    },
  ],
};
