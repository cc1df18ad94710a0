import type { ShownReport } from './shown-report.js';
import type { Paging } from './paging.js';
import { StatusView } from './status-view.js';
import { ChangesView } from './changes-view.js';
import { PositionsView } from './positions-view.js';
import { RevisionsView } from './revisions-view.js';

export function ShownReportView({ shown, paging }: { readonly shown: ShownReport; readonly paging: Paging }) {
  switch (shown.kind) {
    case 'status':
      return <StatusView report={shown.report} paging={paging} />;
    case 'changes':
      return <ChangesView report={shown.report} names={shown.names} paging={paging} />;
    case 'positions':
      return <PositionsView report={shown.report} names={shown.names} paging={paging} />;
    case 'revisions':
      return <RevisionsView report={shown.report} paging={paging} />;
  }
}
