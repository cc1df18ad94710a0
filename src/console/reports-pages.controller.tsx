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
import { ReportsService } from '../reports/reports.service.js';
import { ConsoleErrorFilter } from './console-error.filter.js';
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
  constructor(private readonly reports: ReportsService) {}

  @Get()
  async page(
    @Query() raw: Partial<Record<string, string>>,
    @CurrentSession() session: ConsoleSession,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const form = reportForm(raw);
    // A refused report (From after To, a bad instant) is said above the form, which keeps the values.
    try {
      const shown = raw.report && hasValues(raw) ? await this.show(form, session.actor.name) : undefined;
      const page = /^[1-9][0-9]{0,5}$/.test(String(raw.page)) ? Number(raw.page) : 1;
      return sendPage(reply, <ReportsPage session={session} form={form} shown={shown} page={page} />);
    } catch (refusal) {
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
    const document = await this.document(form, format, session.actor.name);
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

  // `client`: whose builds these are, for the per-person limit of the report builds.
  private async show(form: ReportForm, client: string): Promise<ShownReport> {
    const report: unknown = JSON.parse((await this.document(form, 'json', client)).toString('utf8'));
    // The JSON document of the report named by the form's kind.
    return { kind: form.report, report } as ShownReport;
  }

  // Through the API's own query checks, so a bad day or format is refused the same way.
  private async document(form: ReportForm, format: string, client: string): Promise<Buffer> {
    const { report, asOf, from, to, divergent, revisedFrom, revisedTo, ...scope } = form;
    switch (report) {
      case 'status': {
        const query = await validateInput(StatusReportQuery, present({ ...scope, asOf: asOf ?? '', format }));
        return this.reports.statusDocument(query, query.format ?? 'json', client);
      }
      case 'changes': {
        const query = await validateInput(
          ChangesReportQuery,
          present({ ...scope, from: from ?? '', to: to ?? '', format }),
        );
        return this.reports.changesDocument(query, query.format ?? 'json', client);
      }
      case 'positions': {
        const query = await validateInput(
          PositionsReportQuery,
          present({ ...scope, asOf: asOf ?? '', divergent: divergent ?? '', format }),
        );
        return this.reports.positionsDocument(query, query.format ?? 'json', client);
      }
      case 'revisions': {
        // The day and two instants only: the revisions report takes no item filters.
        const query = await validateInput(
          RevisionsReportQuery,
          present({ asOf: asOf ?? '', from: revisedFrom ?? '', to: revisedTo ?? '', format }),
        );
        return this.reports.revisionsDocument(query, query.format ?? 'json', client);
      }
    }
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
