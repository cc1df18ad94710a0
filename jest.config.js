// ESM Jest: ts-jest transpiles each file on its own (isolatedModules) and the
// `.js` suffixes that NodeNext requires are mapped back to the TypeScript sources.
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] },
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  // Process-level tests against the built server: npm run test:reliability (jest.reliability.config.js).
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/reliability/'],
  // Work handed to the transaction runner that reads through the root manager fails the test.
  setupFilesAfterEnv: ['<rootDir>/test/support/guard-transaction-work.ts'],
  testTimeout: 30000,
};
