import { Controller, Get, Query, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { PublicRoute } from '../auth/roles.js';
import { validateInput } from '../common/validate-input.js';
import { ChangesReportQuery } from '../reports/dto/changes-report.query.js';
import { PositionsReportQuery } from '../reports/dto/positions-report.query.js';
import { RevisionsReportQuery } from '../reports/dto/revisions-report.query.js';
import { StatusReportQuery } from '../reports/dto/status-report.query.js';
import { REPORT_CONTENT_TYPES, type ReportFormat } from '../reports/report-format.js';
import { ReportsService, type ReportQuestion } from '../reports/reports.service.js';
import { ConsoleErrorFilter } from './console-error.filter.js';
import { ConsoleGuard, CurrentSession } from './console.guard.js';
import { present } from './form-values.js';
import { sendPage } from './page.js';
import type { ConsoleSession } from './sessions/console-sessions.service.js';
import {
  REPORT_FIELDS,
  REPORT_KINDS,
  ReportsPage,
  type ReportForm,
  type ShownReport,
  type ShownRows,
} from './views/reports.page.js';

// What each report reads of the form; the other fields are left out, as the API would be sent them.
const FORM_FIELDS = [...REPORT_FIELDS.map(([, name]) => name), 'divergent'] as const;
// Rows of each table a page shows; the pager moves through the rest.
const SHOWN_ROWS = 200;
const EXTENSIONS: Readonly<Record<ReportFormat, string>> = { json: 'json', csv: 'csv', md: 'md', html: 'html' };

// The reports of the API, shown in the page and downloadable in each of its formats.
@ApiExcludeController()
@PublicRoute()
@UseGuards(ConsoleGuard)
@UseFilters(ConsoleErrorFilter)
@Controller('reports')
export class ReportsPagesController {
  constructor(private readonly reports: ReportsService) {}

  @Get()
  async page(
    @Query() raw: Record<string, string>,
    @CurrentSession() session: ConsoleSession,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const form = reportForm(raw);
    const shown = raw.report ? await this.show(form, rowsOffset(raw.offset), session.actor.name) : undefined;
    return sendPage(reply, <ReportsPage session={session} form={form} shown={shown} />);
  }

  @Get('download')
  async download(
    @Query() raw: Record<string, string>,
    @CurrentSession() session: ConsoleSession,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const form = reportForm(raw);
    const format = (raw.format ?? 'json') as ReportFormat;
    const question = await this.question(form, format);
    const document = await this.reports.document(question, question.query.format ?? 'json', session.actor.name);
    const name =
      form.report === 'changes'
        ? `changes-${form.from ?? ''}-${form.to ?? 'today'}`
        : `${form.report}-${form.asOf ?? 'today'}`;
    void reply
      .header('content-type', REPORT_CONTENT_TYPES[format] ?? REPORT_CONTENT_TYPES.json)
      .header('content-disposition', `attachment; filename="${name}.${EXTENSIONS[format] ?? 'json'}"`)
      .header('cache-control', 'no-store');
    return document;
  }

  // One page of the report's rows, built off the event loop like every report: a page holds at
  // most SHOWN_ROWS of each table, however large the report.
  private async show(form: ReportForm, offset: number, client: string): Promise<ShownReport> {
    const question = await this.question(form, 'json');
    const page = JSON.parse(
      (await this.reports.rows(question, { offset, limit: SHOWN_ROWS }, client)).toString('utf8'),
    ) as { report: unknown; tables: ShownRows['tables'] };
    // The JSON document of the report named by the form's kind.
    return {
      kind: form.report,
      report: page.report,
      rows: { offset, limit: SHOWN_ROWS, tables: page.tables },
    } as ShownReport;
  }

  // Through the API's own query checks, so a bad day or format is refused the same way.
  private async question(form: ReportForm, format: string): Promise<ReportQuestion> {
    const { report, asOf, from, to, divergent, revisedFrom, revisedTo, ...scope } = form;
    switch (report) {
      case 'status':
        return {
          kind: report,
          query: await validateInput(StatusReportQuery, present({ ...scope, asOf: asOf ?? '', format })),
        };
      case 'changes':
        return {
          kind: report,
          query: await validateInput(ChangesReportQuery, present({ ...scope, from: from ?? '', to: to ?? '', format })),
        };
      case 'positions':
        return {
          kind: report,
          query: await validateInput(
            PositionsReportQuery,
            present({ ...scope, asOf: asOf ?? '', divergent: divergent ?? '', format }),
          ),
        };
      case 'revisions':
        // The day and two instants only: the revisions report takes no item filters.
        return {
          kind: report,
          query: await validateInput(
            RevisionsReportQuery,
            present({ asOf: asOf ?? '', from: revisedFrom ?? '', to: revisedTo ?? '', format }),
          ),
        };
    }
  }
}

// The first row shown: a whole number, else the first.
function rowsOffset(raw: string | undefined): number {
  const offset = Number(raw ?? 0);
  return Number.isSafeInteger(offset) && offset > 0 ? offset : 0;
}

function reportForm(raw: Record<string, string>): ReportForm {
  const fields = Object.fromEntries(
    FORM_FIELDS.filter((name) => typeof raw[name] === 'string' && raw[name] !== '').map((name) => [name, raw[name]]),
  );
  const kind = REPORT_KINDS.find(([value]) => value === raw.report)?.[0] ?? 'status';
  return { report: kind, ...fields };
}
