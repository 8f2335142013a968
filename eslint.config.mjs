// Lint gate (part of `npm test`): type-aware typescript-eslint with the rules docs/ARCHITECTURE.md names,
// and plain ESLint for the pages' browser scripts.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'src/generated/', 'embedded-neo4j/', '.neo4j-test/', 'coverage/', 'dist/', '**/*.mjs'] },
  {
    // The pages' scripts run in the browser as they are (no build step): classic scripts sharing
    // window.gql and the chart and graph libraries the pages load first.
    files: ['src/web/assets/**/*.js'],
    ...js.configs.recommended,
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'script',
      globals: {
        ...globals.browser,
        echarts: 'readonly',
        cytoscape: 'readonly',
        gql: 'readonly',
        // The pages' shared scripts, loaded before the page's own (src/web/assets).
        I18n: 'readonly',
        Downloads: 'readonly',
        ExploreTime: 'readonly',
        ExploreState: 'readonly',
        ExploreHistory: 'readonly',
        ExploreStyle: 'readonly',
      },
    },
    rules: {
      ...js.configs.recommended.rules,
      eqeqeq: 'error',
      curly: ['error', 'multi-line'],
      'no-var': 'error',
      'prefer-const': 'error',
    },
  },
  {
    files: ['jest.config.js'],
    ...js.configs.recommended,
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
  },
  ...tseslint.configs.recommendedTypeChecked.map((config) => ({ ...config, files: ['**/*.ts'] })),
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
      eqeqeq: 'error',
      curly: ['error', 'multi-line'],
    },
  },
  {
    // The server's source never reaches into the tools around it: scripts/, bench/ and tests/ use src/, not the other way round.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/scripts/*', '**/bench/*', '**/tests/*'],
              message: 'src/ must not depend on scripts/, bench/ or tests/.',
            },
          ],
        },
      ],
    },
  },
  {
    // Request time apart from batch time: code that answers a request never imports the jobs that
    // build precomputed structures; both read the shared layout modules under src/analytics/.
    files: ['src/analytics/**/*.ts', 'src/graphql/**/*.ts', 'src/loaders/**/*.ts', 'src/web/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/scripts/*', '**/bench/*', '**/tests/*'],
              message: 'src/ must not depend on scripts/, bench/ or tests/.',
            },
            {
              group: ['**/jobs/*', '**/jobs/**'],
              message: 'Request-time code must not import batch jobs; share a layout module instead.',
            },
          ],
        },
      ],
    },
  },
  {
    // Jest loads globalSetup/globalTeardown through their default export.
    files: ['tests/support/global*.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
