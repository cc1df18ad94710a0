import type { Score } from '../assessments/score.js';
import { tally, type Tally } from './compliance-arithmetic.js';
import type {
  ComplianceCellView,
  ComplianceChangeView,
  ComplianceItemView,
  ComplianceMemberView,
  ComplianceReport,
  ComplianceScoredView,
} from './compliance-report.view.js';

// One item of the matrix: its slug and title, and each party's standing score on the day, by slug.
export interface ComplianceRow {
  readonly slug: string;
  readonly title: string;
  readonly cells: ReadonlyMap<string, ComplianceCellView>;
}

export type ComplianceMatrix = Pick<ComplianceReport, 'parties' | 'items' | 'members' | 'overall'>;

// The matrix and its averages from the rows a repository read: a pure function. `parties` chooses
// the columns and their order; by default every party with a score in a row, by slug. Only rows
// with a score in some column are listed.
export function complianceMatrix(rows: readonly ComplianceRow[], chosen?: readonly string[]): ComplianceMatrix {
  const parties = chosen ? [...chosen] : [...new Set(rows.flatMap((row) => [...row.cells.keys()]))].sort();
  const byParty = new Map<string, number[]>(parties.map((party) => [party, []]));
  const all: number[] = [];
  const items: ComplianceItemView[] = [];
  for (const row of [...rows].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0))) {
    const scores: Record<string, ComplianceCellView | null> = {};
    const numeric: number[] = [];
    let any = false;
    for (const party of parties) {
      const cell = row.cells.get(party);
      scores[party] = cell ? { score: cell.score, since: cell.since } : null;
      any ||= cell !== undefined;
      if (cell && typeof cell.score === 'number') {
        numeric.push(cell.score);
        byParty.get(party)?.push(cell.score);
        all.push(cell.score);
      }
    }
    if (any) {
      items.push({ slug: row.slug, title: row.title, scores, ...tally(numeric) });
    }
  }
  return {
    parties,
    items,
    members: parties.map((party): ComplianceMemberView => ({ party, ...tally(byParty.get(party) ?? []) })),
    overall: tally(all),
  };
}

// The report beside an edition of it: each item, member and the overall figure gain the edition's
// average and percent, and `changes` names every cell whose score differs (an item or a column
// present in only one of the two counts as empty in the other).
export function compareCompliance(report: ComplianceReport, edition: ComplianceReport, slug: string): ComplianceReport {
  const previousItems = new Map(edition.items.map((item) => [item.slug, item]));
  const previousMembers = new Map(edition.members.map((member) => [member.party, member]));
  const currentItems = new Map(report.items.map((item) => [item.slug, item]));
  const parties = [...report.parties, ...edition.parties.filter((party) => !report.parties.includes(party))];
  const slugs = [...new Set([...currentItems.keys(), ...previousItems.keys()])].sort();
  const changes: ComplianceChangeView[] = [];
  for (const item of slugs) {
    for (const party of parties) {
      const from = scoreIn(previousItems.get(item), party);
      const to = scoreIn(currentItems.get(item), party);
      if (from !== to) {
        changes.push({ item, party, from, to });
      }
    }
  }
  return {
    ...report,
    items: report.items.map((item) => withPrevious(item, previousItems.get(item.slug))),
    members: report.members.map((member) => withPrevious(member, previousMembers.get(member.party))),
    overall: withPrevious(report.overall, edition.overall),
    compareTo: slug,
    changes,
  };
}

function scoreIn(item: ComplianceItemView | undefined, party: string): Score | null {
  return item?.scores[party]?.score ?? null;
}

function withPrevious<T extends ComplianceScoredView>(current: T, previous: Tally | undefined): T {
  return { ...current, previous: { average: previous?.average ?? null, percent: previous?.percent ?? null } };
}
