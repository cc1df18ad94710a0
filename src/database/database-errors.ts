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

// Faults of the storage itself rather than of the request: the disk is full, the file cannot be
// written (read-only, I/O error), or its content is damaged.
export type StorageFaultKind = 'full' | 'unwritable' | 'corrupt';

const SQLITE_FAULTS: readonly [RegExp, StorageFaultKind][] = [
  [/^SQLITE_FULL/, 'full'],
  [/^SQLITE_(READONLY|IOERR|CANTOPEN|PERM)/, 'unwritable'],
  [/^SQLITE_(CORRUPT|NOTADB)/, 'corrupt'],
];

// PostgreSQL SQLSTATEs: disk_full, read_only_sql_transaction, io_error, data_corrupted,
// index_corrupted.
const POSTGRES_FAULTS: Readonly<Record<string, StorageFaultKind>> = {
  '53100': 'full',
  '25006': 'unwritable',
  '58030': 'unwritable',
  XX001: 'corrupt',
  XX002: 'corrupt',
};

export function storageFault(error: unknown): StorageFaultKind | undefined {
  const code = driverCode(error);
  if (code === undefined) {
    return undefined;
  }
  return POSTGRES_FAULTS[code] ?? SQLITE_FAULTS.find(([pattern]) => pattern.test(code))?.[1];
}
