import { Controller, Get, Query, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { PublicRoute } from '../auth/roles.js';
import { validateInput } from '../common/validate-input.js';
import { formError } from './form-values.js';
import { ChangesReportQuery } from '../reports/dto/changes-report.query.js';
import { PositionsReportQuery } from '../reports/dto/positions-report.query.js';
import { RevisionsReportQuery } from '../reports/dto/revisions-report.query.js';
import { StatusReportQuery } from '../reports/dto/status-report.query.js';
import { REPORT_CONTENT_TYPES, REPORT_FORMATS, type ReportFormat } from '../reports/report-format.js';
import { partyNames } from '../reports/render/party-names.js';
import { ReportsService, type ReportQuestion } from '../reports/reports.service.js';
import { ConsoleErrorFilter, sayWhenToComeBack } from './console-error.filter.js';
import { ConsoleViewsService } from './console-views.service.js';
import { ConsoleGuard, CurrentSession } from './console.guard.js';
import { present } from './form-values.js';
import { sendPage } from './page.js';
import type { ConsoleSession } from './sessions/console-sessions.service.js';
import {
  REPORT_FIELD_NAMES,
  REPORT_KINDS,
  ReportsPage,
  type ReportForm,
  type ShownReport,
} from './views/reports.page.js';
import { REPORT_PAGE_ROWS } from './views/reports/paging.js';

// What each report reads of the form; the other fields are left out, as the API would be sent them.
const FORM_FIELDS = [...REPORT_FIELD_NAMES, 'divergent'] as const;
const EXTENSIONS: Readonly<Record<ReportFormat, string>> = { json: 'json', csv: 'csv', md: 'md', html: 'html' };

// The reports of the API, shown in the page and downloadable in each of its formats.
@ApiExcludeController()
@PublicRoute()
@UseGuards(ConsoleGuard)
@UseFilters(ConsoleErrorFilter)
@Controller('reports')
export class ReportsPagesController {
  constructor(
    private readonly reports: ReportsService,
    private readonly views: ConsoleViewsService,
  ) {}

  @Get()
  async page(
    @Query() raw: Partial<Record<string, string>>,
    @CurrentSession() session: ConsoleSession,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const form = reportForm(raw);
    // A refused report (From after To, a bad instant) is said above the form, which keeps the values.
    try {
      const page = /^[1-9][0-9]{0,5}$/.test(String(raw.page)) ? Number(raw.page) : 1;
      const shown = raw.report && hasValues(raw) ? await this.show(form, page, session.actor.name) : undefined;
      return sendPage(reply, <ReportsPage session={session} form={form} shown={shown} page={page} />);
    } catch (refusal) {
      sayWhenToComeBack(reply, refusal);
      const error = formError(refusal, REPORT_LABELS);
      return sendPage(reply, <ReportsPage session={session} form={form} error={error} />, error.status);
    }
  }

  @Get('download')
  async download(
    @Query() raw: Partial<Record<string, string>>,
    @CurrentSession() session: ConsoleSession,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const form = reportForm(raw);
    const format: ReportFormat = REPORT_FORMATS.find((known) => known === raw.format) ?? 'json';
    const question = await reportQuestion(form, format);
    const document = await this.reports.document(question, format, session.actor.name);
    const name =
      form.report === 'changes'
        ? `changes-${form.from ?? ''}-${form.to ?? 'today'}`
        : `${form.report}-${form.asOf ?? 'today'}`;
    void reply
      .header('content-type', REPORT_CONTENT_TYPES[format])
      .header('content-disposition', `attachment; filename="${name}.${EXTENSIONS[format]}"`)
      .header('cache-control', 'no-store');
    return document;
  }

  // Only the page's rows of the report's tables, cut out in the build queue (a report worker), so
  // that this thread parses a hundred rows however large the report. `client`: whose builds these
  // are, for the per-person limit of the report builds.
  private async show(form: ReportForm, page: number, client: string): Promise<ShownReport> {
    const rows = { offset: (page - 1) * REPORT_PAGE_ROWS, limit: REPORT_PAGE_ROWS };
    const slice = await this.reports.rows(await reportQuestion(form, 'json'), rows, client);
    const { report, tables } = JSON.parse(slice.toString('utf8')) as RowsSlice;
    for (const [table, length] of Object.entries(tables)) {
      report[table] = placed(report[table] ?? [], rows.offset, length);
    }
    // The JSON document of the report named by the form's kind, its tables as long as the whole.
    const shown: unknown = report;
    return { kind: form.report, report: shown, names: partyNames(await this.views.partyList()) } as ShownReport;
  }
}

// What ReportsService.rows answers: the report with its tables cut to the rows asked for, and each
// table's length.
interface RowsSlice {
  readonly report: Record<string, unknown[] | undefined>;
  readonly tables: Readonly<Record<string, number>>;
}

// The page's rows where they stand in the whole table, in an array as long as the table (holes
// elsewhere): the view pages and counts a table as if it held every row.
export function placed<T>(rows: readonly T[], offset: number, length: number): T[] {
  const table: T[] = [];
  table.length = length;
  rows.forEach((row, index) => (table[offset + index] = row));
  return table;
}

// Through the API's own query checks, so a bad day or format is refused the same way.
async function reportQuestion(form: ReportForm, format: string): Promise<ReportQuestion> {
  const { report, asOf, from, to, divergent, revisedFrom, revisedTo, ...scope } = form;
  switch (report) {
    case 'status':
      return {
        kind: 'status',
        query: await validateInput(StatusReportQuery, present({ ...scope, asOf: asOf ?? '', format })),
      };
    case 'changes':
      return {
        kind: 'changes',
        query: await validateInput(ChangesReportQuery, present({ ...scope, from: from ?? '', to: to ?? '', format })),
      };
    case 'positions':
      return {
        kind: 'positions',
        query: await validateInput(
          PositionsReportQuery,
          present({ ...scope, asOf: asOf ?? '', divergent: divergent ?? '', format }),
        ),
      };
    case 'revisions':
      // The day and two instants only: the revisions report takes no item filters.
      return {
        kind: 'revisions',
        query: await validateInput(
          RevisionsReportQuery,
          present({ asOf: asOf ?? '', from: revisedFrom ?? '', to: revisedTo ?? '', format }),
        ),
      };
  }
}

// The report's questions are the API's; the answers name the fields as the form does.
const REPORT_LABELS = {
  asOf: 'As of',
  from: 'From',
  to: 'To',
  knownAt: 'Known at',
  category: 'Category',
  proposedBy: 'Proposed by',
  divergent: 'Items',
};

// A kind chosen from the tabs, with nothing filled in yet, shows the empty form.
function hasValues(raw: Partial<Record<string, string>>): boolean {
  return FORM_FIELDS.some((name) => typeof raw[name] === 'string');
}

// An instant typed as the console shows it ("2026-12-07 01:14", "… 01:14:00 UTC") becomes the ISO
// form the API takes; anything else is passed on as typed, to be refused with the API's words.
export function typedInstant(text: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(:\d{2}(?:\.\d{1,3})?)?\s*(?:Z|UTC)?$/i.exec(text.trim());
  return match ? `${match.at(1) ?? ''}T${match.at(2) ?? ''}${match.at(3) ?? ':00'}Z` : text.trim();
}

const INSTANT_FIELDS = new Set(['knownAt', 'revisedFrom', 'revisedTo']);

function reportForm(raw: Partial<Record<string, string>>): ReportForm {
  const fields = Object.fromEntries(
    FORM_FIELDS.filter((name) => typeof raw[name] === 'string' && raw[name] !== '').map((name) => [
      name,
      INSTANT_FIELDS.has(name) ? typedInstant(String(raw[name])) : raw[name],
    ]),
  );
  const kind = REPORT_KINDS.find(([value]) => value === raw.report)?.[0] ?? 'status';
  return { report: kind, ...fields };
}
