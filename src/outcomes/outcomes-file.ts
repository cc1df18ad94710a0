import { CsvError } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { DomainError } from '../common/domain-error.js';
import { MAX_BODY_DEPTH, nestsDeeperThan } from '../common/json-body-parser.js';
import { validateInput } from '../common/validate-input.js';
import { ApplyOutcomesDto } from './dto/apply-outcomes.dto.js';
import type { OutcomeDto } from './dto/outcome.dto.js';
import type { PositionOutcomeDto } from './dto/position-outcome.dto.js';

// A meeting's outcomes read from a file, each outcome traceable to where the file wrote it. The
// command line reads it from disk, the console from an upload.
export interface OutcomesFile {
  // Named in a JSON file; a CSV file leaves it to the caller.
  readonly meeting?: string;
  readonly outcomes: OutcomeDto[];
  readonly positions: PositionOutcomeDto[];
  // "outcomes[3]" or "positions[0]" in a JSON file, "line 5" in a CSV file.
  readonly locate: Locate;
}

export type Locate = (index: number, list: 'outcomes' | 'positions') => string;

const JSON_MEMBERS = new Set(['meeting', 'note', 'outcomes', 'positions']);
const CSV_COLUMNS = ['item', 'to', 'reason', 'source', 'party', 'stance', 'statement'];
// A CSV row naming a party is a position; any other row is an outcome.
const CSV_OUTCOME_COLUMNS = ['item', 'to', 'reason', 'source'];
const CSV_POSITION_COLUMNS = ['item', 'party', 'stance', 'statement', 'source'];

// JSON: { "meeting": "<slug>", "note"?: "…", "outcomes": [{ "item", "to", "reason"?, "source"?, "expectedVersion"? }],
//         "positions"?: [{ "item", "party", "stance", "statement"?, "source"? }] }
// CSV: a header row naming item, to and optionally reason and source, and, for positions, party,
// stance and statement; a row with a party is a position, any other an outcome. `name` is the
// file's name: it names the file in messages and, unless a format is given, picks the format by its
// extension.
export async function parseOutcomesFile(
  name: string,
  text: string,
  format: OutcomesFormat = formatOf(name),
): Promise<OutcomesFile> {
  const read = readOutcomesFile(name, text, format);
  const dto = await validateInput(ApplyOutcomesDto, { outcomes: read.outcomes, positions: read.positions }).catch(
    (error: unknown) => {
      throw locateFieldErrors(error, read.locate);
    },
  );
  return { meeting: read.meeting, outcomes: dto.outcomes ?? [], positions: dto.positions ?? [], locate: read.locate };
}

export type OutcomesFormat = 'json' | 'csv';

export function formatOf(name: string): OutcomesFormat {
  return name.toLowerCase().endsWith('.csv') ? 'csv' : 'json';
}

// The file's entries as written, not yet validated (the console shows them as editable rows).
export function readOutcomesFile(name: string, text: string, format: OutcomesFormat = formatOf(name)): ReadFile {
  return format === 'csv' ? readCsv(name, text) : readJson(name, text);
}

export interface ReadFile {
  readonly meeting?: string;
  readonly outcomes: unknown;
  readonly positions?: unknown;
  readonly locate: Locate;
}

function readJson(path: string, text: string): ReadFile {
  let parsed: unknown;
  const json = text.replace(/^\uFEFF/, '');
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    throw error instanceof RangeError
      ? tooDeep(path)
      : fileProblem(path, `is not valid JSON: ${jsonErrorMessage(json, error as Error)}`);
  }
  // As the API refuses such a body: validating it would recurse as deep as it nests.
  if (nestsDeeperThan(parsed, MAX_BODY_DEPTH)) {
    throw tooDeep(path);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw fileProblem(path, 'must hold a JSON object { "meeting", "outcomes": [...] }');
  }
  const members = parsed as Record<string, unknown>;
  const unknown = Object.keys(members).filter((name) => !JSON_MEMBERS.has(name));
  if (unknown.length > 0) {
    throw fileProblem(path, `has unknown members ${unknown.join(', ')} (allowed: ${[...JSON_MEMBERS].join(', ')})`);
  }
  if (members.meeting !== undefined && typeof members.meeting !== 'string') {
    throw fileProblem(path, '"meeting" must be a meeting slug or id');
  }
  return {
    meeting: members.meeting,
    outcomes: members.outcomes,
    positions: members.positions,
    locate: (index, list) => `${list}[${index}]`,
  };
}

function tooDeep(path: string): DomainError {
  return fileProblem(path, `nests deeper than ${MAX_BODY_DEPTH} levels`);
}

function readCsv(path: string, text: string): ReadFile {
  let rows: { record: Record<string, string>; info: { lines: number } }[];
  try {
    rows = parse(text, {
      bom: true,
      columns: (header: string[]) => checkedHeader(path, header),
      info: true,
      skip_empty_lines: true,
      trim: true,
    });
  } catch (error) {
    if (error instanceof CsvError) {
      const field = typeof error.lines === 'number' ? `line ${error.lines}` : path;
      throw DomainError.validation([{ field, message: error.message }], `${path}: bad CSV`);
    }
    throw error;
  }
  const isPosition = ({ record }: (typeof rows)[number]) => Boolean(record.party);
  const outcomeRows = rows.filter((row) => !isPosition(row));
  const positionRows = rows.filter(isPosition);
  // Empty cells are absent values, so an empty reason is no reason.
  const cells = (record: Record<string, string>, columns: readonly string[]) =>
    Object.fromEntries(Object.entries(record).filter(([column, value]) => value !== '' && columns.includes(column)));
  return {
    outcomes: outcomeRows.map(({ record }) => cells(record, CSV_OUTCOME_COLUMNS)),
    positions: positionRows.map(({ record }) => cells(record, CSV_POSITION_COLUMNS)),
    locate: (index, list) => `line ${(list === 'outcomes' ? outcomeRows : positionRows).at(index)?.info.lines ?? '?'}`,
  };
}

function checkedHeader(path: string, header: string[]): string[] {
  const unknown = header.filter((column) => !CSV_COLUMNS.includes(column));
  const missing = [
    ...(header.includes('item') ? [] : ['item']),
    ...(header.includes('to') || header.includes('party') ? [] : ['to (or party, for positions)']),
  ];
  if (unknown.length > 0 || missing.length > 0) {
    throw DomainError.validation(
      [
        {
          field: 'line 1',
          message: `the header must name the columns item, to and optionally reason and source, and for positions party, stance and statement (${[
            ...missing.map((column) => `missing ${column}`),
            ...unknown.map((column) => `unknown ${column || '(empty)'}`),
          ].join(', ')})`,
        },
      ],
      `${path}: bad CSV header`,
    );
  }
  return header;
}

// outcomes.3.reason becomes "outcomes[3]: reason …" in JSON or "line 5: reason …" in CSV.
function locateFieldErrors(error: unknown, locate: Locate): unknown {
  if (!(error instanceof DomainError) || !error.is('validation_failed')) {
    return error;
  }
  const errors = (error.extensions.errors ?? []).map(({ field, message }) => {
    const match = /^(outcomes|positions)\.(\d+)\.(.+)$/.exec(field);
    return match
      ? { field: locate(Number(match[2]), match[1] as 'outcomes' | 'positions'), message: `${match[3]} ${message}` }
      : { field, message };
  });
  return DomainError.validation(errors, 'The file holds invalid outcomes; nothing was applied.');
}

export function fileProblem(path: string, message: string): DomainError {
  return new DomainError('validation_failed', `${path} ${message}`);
}

// JSON.parse names a character position; people look for a line.
function jsonErrorMessage(text: string, error: Error): string {
  const position = /at position (\d+)/.exec(error.message);
  if (!position || /\bline\b/.test(error.message)) {
    return error.message;
  }
  const line = text.slice(0, Number(position[1])).split('\n').length;
  return `${error.message} (line ${line})`;
}
