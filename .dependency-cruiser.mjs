// The layers of src/, bottom first (docs/layout.md). A folder may import its own files and the
// folders below it, never one above: with one total order there can be no cycle between folders.
// `npm run lint` checks this, so a breach fails CI.
const LAYERS = [
  'common',
  'config',
  'database',
  // Feature modules, each above the ones it needs.
  'auth',
  'accounts',
  'idempotency',
  'workflow',
  'meetings',
  'parties',
  'positions',
  'assessments',
  'history',
  'editions',
  'items',
  'outcomes',
  'compliance',
  'corrections',
  'reports',
  'audit',
  'transfer',
  'backup',
  'seed',
  'health',
  'startup',
  // The web console: pages over the services of every feature.
  'console',
];
// The top: cli/, and the files of src/ itself (app.module, app.factory, main.ts and the entity
// registry entities.ts), above every folder.
const TOP = ['^src/cli/', '^src/[^/]+\\.ts$'];

const layerRules = LAYERS.map((layer, index) => ({
  name: `layer-${layer}`,
  comment: `src/${layer}/ may only import ${index === 0 ? 'itself' : `itself and ${LAYERS.slice(0, index).join(', ')}`}.`,
  severity: 'error',
  from: { path: `^src/${layer}/` },
  to: { path: [...LAYERS.slice(index + 1).map((above) => `^src/${above}/`), ...TOP] },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    ...layerRules,
    {
      name: 'layer-cli',
      comment: 'The command line uses the services and the entity registry, not the HTTP application.',
      severity: 'error',
      from: { path: '^src/cli/' },
      to: { path: '^src/(app\\.[^/]+|main\\.ts)$' },
    },
    {
      name: 'no-circular',
      comment: 'No import cycles, within a folder either.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'sql-in-repositories',
      comment:
        'The SQL helpers are for repositories (*.repository.ts) and src/database/ only: services call ' +
        'repositories (see src/database/README.md). eslint forbids the query calls themselves.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/database/', '\\.repository\\.ts$'] },
      to: { path: '^src/database/(sql|table-rows|insert-unique)\\.ts$' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-tests-from-src',
      comment: 'The service never imports test or bench code.',
      severity: 'error',
      from: { path: '^src/', pathNot: '\\.spec\\.ts$' },
      to: { path: '^(test|bench)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count too: the layers hold for types as well as for code.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
