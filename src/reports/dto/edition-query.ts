import type { ClassConstructor } from 'class-transformer';
import { ChangesReportQuery } from './changes-report.query.js';
import { ComplianceReportQuery } from './compliance-report.query.js';
import { PositionsReportQuery } from './positions-report.query.js';
import { StatusReportQuery } from './status-report.query.js';

export const EDITION_REPORTS = ['status', 'changes', 'positions', 'compliance'] as const;
export type EditionReportKind = (typeof EDITION_REPORTS)[number];

// What any of the four reports may be asked, validated by that report's own query class.
export type EditionQuery = Partial<ChangesReportQuery> & PositionsReportQuery & ComplianceReportQuery;

export const EDITION_QUERY_CLASSES: Readonly<Record<EditionReportKind, ClassConstructor<object>>> = {
  status: StatusReportQuery,
  changes: ChangesReportQuery,
  positions: PositionsReportQuery,
  compliance: ComplianceReportQuery,
};
