import type { FormBody } from './form-body.js';

// The outcome editor's rows, as typed: strings, kept as they are so a refused step shows them again.
export const OUTCOME_FIELDS = ['item', 'to', 'reason', 'source'] as const;
export const POSITION_FIELDS = ['item', 'party', 'stance', 'statement', 'source'] as const;

export type OutcomeRow = Readonly<Record<(typeof OUTCOME_FIELDS)[number], string>>;
export type PositionRow = Readonly<Record<(typeof POSITION_FIELDS)[number], string>>;

export interface EditorRows {
  readonly outcomes: readonly OutcomeRow[];
  readonly positions: readonly PositionRow[];
}

export type RowKind = 'outcome' | 'position';

// What each field is called on the page, for messages that name it.
export const ROW_FIELD_LABELS: Readonly<Record<string, string>> = {
  item: 'Item',
  to: 'New state',
  reason: 'Reason',
  source: 'Source',
  party: 'Party',
  stance: 'Stance',
  statement: 'Statement',
};

// A new editor: one empty row of each kind.
export const EMPTY_ROWS: EditorRows = { outcomes: [emptyRow(OUTCOME_FIELDS)], positions: [emptyRow(POSITION_FIELDS)] };

// The control of one field of one row (numbered from 1): "outcome-2-item".
export function rowFieldName(kind: RowKind, number: number, field: string): string {
  return `${kind}-${number}-${field}`;
}

// The rows a posted form holds, in order of their numbers; a gap (a removed row) closes up.
export function readRows(form: FormBody): EditorRows {
  return {
    outcomes: rowsOf(form, 'outcome', OUTCOME_FIELDS),
    positions: rowsOf(form, 'position', POSITION_FIELDS),
  };
}

function rowsOf<F extends string>(form: FormBody, kind: RowKind, fields: readonly F[]): Record<F, string>[] {
  const numbers = new Set<number>();
  const pattern = new RegExp(`^${kind}-([1-9][0-9]{0,3})-`);
  for (const name of Object.keys(form)) {
    const match = pattern.exec(name);
    if (match?.[1]) {
      numbers.add(Number(match[1]));
    }
  }
  return [...numbers]
    .sort((a, b) => a - b)
    .map(
      (number) =>
        Object.fromEntries(
          fields.map((field) => {
            const value = form[rowFieldName(kind, number, field)];
            return [field, typeof value === 'string' ? value : ''];
          }),
        ) as Record<F, string>,
    );
}

// `Add outcome`, `Add position` and each row's `Remove`: the rows again, changed, nothing checked.
export function changedRows(rows: EditorRows, action: string): EditorRows | undefined {
  if (action === 'add-outcome') {
    return { ...rows, outcomes: [...rows.outcomes, emptyRow(OUTCOME_FIELDS)] };
  }
  if (action === 'add-position') {
    return { ...rows, positions: [...rows.positions, emptyRow(POSITION_FIELDS)] };
  }
  const removal = /^remove-(outcome|position)-([1-9][0-9]{0,3})$/.exec(action);
  if (!removal) {
    return undefined;
  }
  const index = Number(removal[2]) - 1;
  return removal[1] === 'outcome'
    ? { ...rows, outcomes: rows.outcomes.filter((_, at) => at !== index) }
    : { ...rows, positions: rows.positions.filter((_, at) => at !== index) };
}

export function isEmptyRow(row: OutcomeRow | PositionRow): boolean {
  return Object.values(row).every((value) => value.trim() === '');
}

// A file's outcomes and positions as rows, each value as text (a JSON number is shown as typed).
export function rowsFromFile(file: { readonly outcomes: unknown; readonly positions?: unknown }): EditorRows {
  return {
    outcomes: entries(file.outcomes).map((entry) => pick(entry, OUTCOME_FIELDS)),
    positions: entries(file.positions).map((entry) => pick(entry, POSITION_FIELDS)),
  };
}

function entries(list: unknown): Record<string, unknown>[] {
  return Array.isArray(list)
    ? list.map((entry) => (typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : {}))
    : [];
}

function pick<F extends string>(entry: Record<string, unknown>, fields: readonly F[]): Record<F, string> {
  return Object.fromEntries(
    fields.map((field) => {
      const value = entry[field];
      return [field, typeof value === 'string' || typeof value === 'number' ? String(value) : ''];
    }),
  ) as Record<F, string>;
}

function emptyRow<F extends string>(fields: readonly F[]): Record<F, string> {
  return Object.fromEntries(fields.map((field) => [field, ''])) as Record<F, string>;
}

// The closest of the known names to one that matched none, when it is close enough to be a slip
// ("missile-defence-cooperation" for "missile-defense-cooperation"): at most a third of it differs.
export function closestName(typed: string, known: readonly string[]): string | undefined {
  const wanted = typed.trim().toLowerCase();
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    const distance = editDistance(wanted, name.toLowerCase());
    if (!best || distance < best.distance) {
      best = { name, distance };
    }
  }
  return best && best.distance <= Math.max(2, Math.floor(wanted.length / 3)) ? best.name : undefined;
}

// Levenshtein distance, one row at a time.
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
