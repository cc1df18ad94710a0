// Driver error shapes differ: better-sqlite3 sets `code`, TypeORM wraps it in QueryFailedError
// with the original under `driverError`, and pg uses SQLSTATE codes.
function driverCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) {
    return undefined;
  }
  const { code, driverError } = error as { code?: unknown; driverError?: { code?: unknown } };
  const found = driverError?.code ?? code;
  return typeof found === 'string' ? found : undefined;
}

export function isSqliteBusy(error: unknown): boolean {
  const code = driverCode(error);
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || code === 'SQLITE_BUSY_SNAPSHOT';
}

export function isUniqueViolation(error: unknown): boolean {
  const code = driverCode(error);
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

// PostgreSQL's lock_not_available: a lock wait ran past lock_timeout.
export function isLockTimeout(error: unknown): boolean {
  return driverCode(error) === '55P03';
}
