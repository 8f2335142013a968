/**
 * Two projects: `unit` (pure functions, no database) and `integration` (the real Neo4j 5.26 with
 * APOC that tests/support/globalSetup.ts starts, or the server NEO4J_URI names). `npm test` runs
 * both, in band: the integration tests share one database.
 */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }];

/** @type {import('jest').Config} */
module.exports = {
  // Starting a Neo4j takes seconds, and a test that stops and restarts one takes tens of seconds.
  testTimeout: 120000,
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
