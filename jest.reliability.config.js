import base from './jest.config.js';

// npm run test:reliability: the process-level tests (crashes, shutdown, two writers) against the
// built server; `npm test` leaves them out.
export default {
  ...base,
  testMatch: ['<rootDir>/test/reliability/**/*.e2e-spec.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 120000,
};
