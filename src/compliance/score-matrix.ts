import { parse } from 'csv-parse/sync';
import { parseScoreCell, type Score } from '../assessments/score.js';

// One scored cell of a matrix, with the line it came from.
export interface MatrixCell {
  readonly item: string;
  readonly party: string;
  readonly score: Score;
  readonly line: number;
}

export interface MatrixProblem {
  readonly item: string;
  readonly party: string;
  readonly line: number;
  readonly detail: string;
}

// The score matrix as the Research Groups publish it: a header `item,<party>,<party>,…`, then one
// row per item slug; a cell is 1, +1, 0, -1, n/a, or empty (nothing recorded for that cell). Rows
// named `average` or `percent` (what the compliance report's CSV adds) are left out, and so are the
// columns of the same names, so that a report's CSV reads back as the scores it shows.
export function readScoreMatrix(text: string): { cells: MatrixCell[]; problems: MatrixProblem[] } {
  let rows: string[][];
  try {
    const parsed: string[][] = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true });
    rows = parsed;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { cells: [], problems: [{ item: '', party: '', line: 1, detail: `The CSV cannot be read: ${detail}` }] };
  }
  const [header = [], ...body] = rows;
  if (header.length < 2 || header[0].trim() !== 'item') {
    return {
      cells: [],
      problems: [{ item: '', party: '', line: 1, detail: 'The header must be item,<party slug>,<party slug>,…' }],
    };
  }
  const parties = header.slice(1).map((party) => party.trim());
  const cells: MatrixCell[] = [];
  const problems: MatrixProblem[] = [];
  body.forEach((row, index) => {
    const line = index + 2;
    const item = (row[0] ?? '').trim();
    if (item === 'average' || item === 'percent') {
      return;
    }
    if (row.length > header.length) {
      problems.push({
        item,
        party: '',
        line,
        detail: `Line ${line} has ${row.length} cells; the header has ${header.length}.`,
      });
      return;
    }
    parties.forEach((party, column) => {
      if (party === 'average' || party === 'percent') {
        return;
      }
      const cell = row[column + 1] ?? '';
      const score = parseScoreCell(cell);
      if (score === null) {
        problems.push({
          item,
          party,
          line,
          detail: `"${cell}" is not a score: write 1, +1, 0, -1, n/a, or leave the cell empty.`,
        });
      } else if (score !== undefined) {
        cells.push({ item, party, score, line });
      }
    });
  });
  return { cells, problems };
}
