import type { ChangesReport } from '../../../reports/changes-report.view.js';
import type { PositionsReport } from '../../../reports/positions-report.view.js';
import type { PartyNames } from '../../../reports/render/party-names.js';
import type { RevisionsReport } from '../../../reports/revisions-report.view.js';
import type { StatusReport } from '../../../reports/status-report.view.js';

// A report as the page shows it, with the parties' names for the slugs its JSON carries.
export type ShownReport = (
  | { readonly kind: 'status'; readonly report: StatusReport }
  | { readonly kind: 'changes'; readonly report: ChangesReport }
  | { readonly kind: 'positions'; readonly report: PositionsReport }
  | { readonly kind: 'revisions'; readonly report: RevisionsReport }
) & { readonly names: PartyNames };
