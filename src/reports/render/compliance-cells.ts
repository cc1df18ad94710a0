import { scoreText, type Score } from '../../assessments/score.js';
import { signedAverage } from '../compliance-arithmetic.js';
import type { ComplianceReport, ComplianceScoredView } from '../compliance-report.view.js';

// What every format writes of the compliance report, as text: scores as the matrix writes them
// (+1, 0, -1, n/a), averages with their sign and two decimals, percentages whole.

export function complianceTitle(report: ComplianceReport): string {
  return `Compliance as of ${report.asOf}`;
}

export function scoreCell(score: Score | null | undefined): string {
  return score === null || score === undefined ? '' : scoreText(score);
}

export function averageCell(average: number | null): string {
  return average === null ? '' : signedAverage(average);
}

export function percentCell(percent: number | null): string {
  return percent === null ? '' : String(percent);
}

// "+0.40 (70%), up from +0.28 (64%)": a figure, with the edition's when compared.
export function figure(view: ComplianceScoredView): string {
  const now = averageAndPercent(view);
  const previous = view.previous;
  if (!previous) {
    return now;
  }
  const then = averageAndPercent(previous);
  const way =
    previous.average === null || view.average === null
      ? 'against'
      : view.average > previous.average
        ? 'up from'
        : view.average < previous.average
          ? 'down from'
          : 'as in';
  return `${now}, ${way} ${then}`;
}

// "+0.40 (70%)", or "—" for no score.
function averageAndPercent({ average, percent }: { readonly average: number | null; readonly percent: number | null }) {
  return average === null ? '—' : `${signedAverage(average)} (${percent ?? ''}%)`;
}

export function complianceNotes(report: ComplianceReport): string[] {
  return [
    'Scores: +1 full compliance, 0 partial, -1 none or action against the commitment, n/a not applicable.',
    'Averages leave out n/a and empty cells; a percentage is (average + 1) / 2 × 100 from the exact mean.',
    ...(report.compareTo === undefined ? [] : [`Compared with the edition ${report.compareTo}.`]),
  ];
}
