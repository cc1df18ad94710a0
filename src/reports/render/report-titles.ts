import type { ChangesReport } from '../changes-report.view.js';
import type { PositionsReport } from '../positions-report.view.js';
import type { StatusReport } from '../status-report.view.js';

export function positionsTitle(report: PositionsReport): string {
  return `Positions as of ${report.asOf}`;
}

export function statusTitle(report: StatusReport): string {
  return `Status as of ${report.asOf}`;
}

export function changesWindow(report: ChangesReport): string {
  return report.from === report.to ? `on ${report.from}` : `from ${report.from} to ${report.to}`;
}

export function changesTitle(report: ChangesReport): string {
  return `Changes ${changesWindow(report)}`;
}
