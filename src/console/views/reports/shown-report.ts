import type { ChangesReport } from '../../../reports/changes-report.view.js';
import type { PositionsReport } from '../../../reports/positions-report.view.js';
import type { RevisionsReport } from '../../../reports/revisions-report.view.js';
import type { StatusReport } from '../../../reports/status-report.view.js';

export type ShownReport =
  | { readonly kind: 'status'; readonly report: StatusReport }
  | { readonly kind: 'changes'; readonly report: ChangesReport }
  | { readonly kind: 'positions'; readonly report: PositionsReport }
  | { readonly kind: 'revisions'; readonly report: RevisionsReport };
