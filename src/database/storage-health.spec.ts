import { StorageHealth, storageProblem } from './storage-health.js';

// Driver errors as TypeORM hands them over: the driver's error under driverError.
const failure = (code: string) => Object.assign(new Error(code), { driverError: { code } });

describe('storage faults', () => {
  it.each([
    ['SQLITE_FULL', 'insufficient_storage'],
    ['53100', 'insufficient_storage'],
    ['SQLITE_READONLY', 'storage_unavailable'],
    ['SQLITE_READONLY_DBMOVED', 'storage_unavailable'],
    ['SQLITE_IOERR_WRITE', 'storage_unavailable'],
    ['SQLITE_CORRUPT', 'storage_unavailable'],
    ['SQLITE_NOTADB', 'storage_unavailable'],
    ['25006', 'storage_unavailable'],
    ['58030', 'storage_unavailable'],
    ['XX001', 'storage_unavailable'],
  ])('names %s as %s, with Retry-After', (code, named) => {
    expect(storageProblem(failure(code))).toMatchObject({
      code: named,
      extensions: { retryAfterSeconds: expect.any(Number) },
    });
  });

  it.each(['SQLITE_BUSY', 'SQLITE_CONSTRAINT_UNIQUE', '23505', '55P03'])('leaves %s alone', (code) => {
    expect(storageProblem(failure(code))).toBeUndefined();
    expect(storageProblem(new Error('plain'))).toBeUndefined();
  });

  it('reports degraded from a failed write until a write succeeds', () => {
    const health = new StorageHealth();
    expect(health.degradedReason()).toBeUndefined();
    health.recordFailure(failure('SQLITE_FULL'));
    expect(health.degradedReason()).toMatch(/full/);
    // A refused request (a validation error, a conflict) says nothing about the storage.
    health.recordFailure(failure('SQLITE_CONSTRAINT_UNIQUE'));
    expect(health.degradedReason()).toMatch(/full/);
    health.recordWrite();
    expect(health.degradedReason()).toBeUndefined();
  });
});
