import type { ReportScopeView } from '../status-report.view.js';

// What a reader must know to trust or reproduce a report, as short lines of plain text.
export function scopeNotes(report: ReportScopeView): string[] {
  const notes: string[] = [];
  if (report.category !== null) {
    notes.push(`Category: ${report.category}`);
  }
  if (report.proposedBy !== null) {
    notes.push(`Proposed by: ${report.proposedBy}`);
  }
  notes.push(
    report.knownAt === null
      ? 'From everything the tracker has recorded.'
      : `As the tracker knew it at ${report.knownAt}: later entries are left out.`,
  );
  notes.push(`History head ${report.head.hash} (${report.head.events} events).`);
  return notes;
}
