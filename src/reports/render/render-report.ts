import type { ChangesReport } from '../changes-report.view.js';
import type { ReportFormat } from '../report-format.js';
import type { RevisionsReport } from '../revisions-report.view.js';
import type { StatusReport } from '../status-report.view.js';
import { changesHtml } from './changes-html.js';
import type { ComplianceReport } from '../compliance-report.view.js';
import { complianceCsv, complianceHtml, complianceMarkdown } from './compliance-formats.js';
import type { PositionsReport } from '../positions-report.view.js';
import { changesCsv, positionsCsv, revisionsCsv, statusCsv } from './csv.js';
import { changesMarkdown, positionsMarkdown, revisionsMarkdown, statusMarkdown } from './markdown.js';
import type { PartyNames } from './party-names.js';
import { positionsHtml } from './positions-html.js';
import { revisionsHtml } from './revisions-html.js';
import { statusHtml } from './status-html.js';

// The same text for the HTTP answer and the command line. `names`: the parties' names, for the
// formats people read.
export function renderStatusReport(report: StatusReport, format: ReportFormat): string {
  switch (format) {
    case 'json':
      return JSON.stringify(report);
    case 'csv':
      return statusCsv(report);
    case 'md':
      return statusMarkdown(report);
    case 'html':
      return statusHtml(report);
  }
}

export function renderPositionsReport(report: PositionsReport, format: ReportFormat, names: PartyNames): string {
  switch (format) {
    case 'json':
      return JSON.stringify(report);
    case 'csv':
      return positionsCsv(report);
    case 'md':
      return positionsMarkdown(report, names);
    case 'html':
      return positionsHtml(report, names);
  }
}

export function renderChangesReport(report: ChangesReport, format: ReportFormat, names: PartyNames): string {
  switch (format) {
    case 'json':
      return JSON.stringify(report);
    case 'csv':
      return changesCsv(report);
    case 'md':
      return changesMarkdown(report, names);
    case 'html':
      return changesHtml(report, names);
  }
}

export function renderComplianceReport(report: ComplianceReport, format: ReportFormat, names: PartyNames): string {
  switch (format) {
    case 'json':
      return JSON.stringify(report);
    case 'csv':
      return complianceCsv(report);
    case 'md':
      return complianceMarkdown(report, names);
    case 'html':
      return complianceHtml(report, names);
  }
}

export function renderRevisionsReport(report: RevisionsReport, format: ReportFormat): string {
  switch (format) {
    case 'json':
      return JSON.stringify(report);
    case 'csv':
      return revisionsCsv(report);
    case 'md':
      return revisionsMarkdown(report);
    case 'html':
      return revisionsHtml(report);
  }
}
