// A stored row whose content cannot be read back (JSON that does not parse): damage to the stored
// data, not a bug of the request, so it is named by table, row and column (a 503, see
// storage-health.ts) instead of answering a generic 500.
export class DamagedRowError extends Error {
  constructor(
    readonly what: string,
    readonly column: string,
  ) {
    super(`${what} cannot be read: its ${column} column is not valid JSON`);
  }
}

// The JSON of a stored column; `what` names the row (history event #12).
export function parseStoredJson<T>(text: string, what: string, column: string): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new DamagedRowError(what, column);
  }
}
