import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { scoreText } from '../assessments/score.js';
import { PublicRoute } from '../auth/roles.js';
import { DomainError } from '../common/domain-error.js';
import { validateInput } from '../common/validate-input.js';
import { AssessmentsService } from '../compliance/assessments.service.js';
import type { AssessmentsResultView } from '../compliance/assessments.view.js';
import { ApplyAssessmentsDto } from '../compliance/dto/apply-assessments.dto.js';
import type { ComplianceReport } from '../reports/compliance-report.view.js';
import { ComplianceReportQuery } from '../reports/dto/compliance-report.query.js';
import { EditionReportQuery } from '../reports/dto/edition-report.query.js';
import { PublishEditionDto } from '../reports/dto/publish-edition.dto.js';
import { EditionsService } from '../reports/editions.service.js';
import { REPORT_CONTENT_TYPES } from '../reports/report-format.js';
import { ReportsService } from '../reports/reports.service.js';
import { ConsoleErrorFilter } from './console-error.filter.js';
import { ConsoleGuard, CurrentSession } from './console.guard.js';
import { ConsoleViewsService } from './console-views.service.js';
import type { FormBody } from './form-body.js';
import { formError, present, textFields, type FormError, type FormValues } from './form-values.js';
import { redirectAfterPost, sendPage } from './page.js';
import { ConsoleSessionsService, type ConsoleSession } from './sessions/console-sessions.service.js';
import { ASSESSMENT_FIELDS, ASSESSMENT_LABELS, formScore } from './views/item/assessment-form.js';
import { COMPLIANCE_FILTERS, CompliancePage } from './views/compliance.page.js';
import type { ScoresStep } from './views/compliance/scores-step.js';
import { EDITION_FIELDS, EDITION_QUERY_FIELDS, EditionsPage, type EditionsPageProps } from './views/editions.page.js';
import { ItemPage } from './views/item.page.js';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;
const SCORES_LABELS: Readonly<Record<string, string>> = { effectiveOn: 'Assessed on', body: 'Scores file' };

// The compliance matrix, the scores upload, the editions, and the item page's assessment form:
// pages over the same services as the API.
@ApiExcludeController()
@PublicRoute()
@UseGuards(ConsoleGuard)
@UseFilters(ConsoleErrorFilter)
@Controller()
export class CompliancePagesController {
  constructor(
    private readonly reports: ReportsService,
    private readonly editions: EditionsService,
    private readonly assessments: AssessmentsService,
    private readonly views: ConsoleViewsService,
    private readonly sessions: ConsoleSessionsService,
  ) {}

  @Get('compliance')
  async page(
    @Query() raw: Record<string, string>,
    @CurrentSession() session: ConsoleSession,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.sendCompliance(reply, session, raw);
  }

  @Get('compliance/download')
  async download(
    @Query() raw: Record<string, string>,
    @CurrentSession() session: ConsoleSession,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const query = await validateInput(ComplianceReportQuery, present(filtersOf(raw, ['format'])));
    const format = query.format ?? 'json';
    const document = await this.reports.complianceDocument(query, format, session.actor.name);
    void reply
      .header('content-type', REPORT_CONTENT_TYPES[format])
      .header('content-disposition', `attachment; filename="compliance-${query.asOf ?? 'today'}.${format}"`)
      .header('cache-control', 'no-store');
    return document;
  }

  // `Dry run` previews an uploaded file; `Apply` records what was previewed, once per key.
  @Post('compliance/assessments')
  @HttpCode(200)
  async scores(
    @Body() form: FormBody,
    @CurrentSession() session: ConsoleSession,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const step = await this.scoresStep(form, session.actor.name);
    return this.sendCompliance(reply, session, {}, step, step.kind === 'refused' ? step.error.status : 200);
  }

  @Get('editions')
  async editionsPage(@CurrentSession() session: ConsoleSession, @Res({ passthrough: true }) reply: FastifyReply) {
    return sendPage(reply, await this.renderEditions(session));
  }

  @Post('editions')
  @HttpCode(200)
  async publish(
    @Body() form: FormBody,
    @CurrentSession() session: ConsoleSession,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const values = textFields(form, [...EDITION_FIELDS, ...EDITION_QUERY_FIELDS]);
    try {
      const { slug, title, report } = values;
      const query = present(Object.fromEntries(EDITION_QUERY_FIELDS.map((field) => [field, values[field] ?? ''])));
      const dto = await validateInput(PublishEditionDto, { slug, title, report, query: queryFor(report, query) });
      const edition = await this.editions.publish(dto, session.actor.name);
      return sendPage(reply, await this.renderEditions(session, { published: edition.slug }), 201);
    } catch (error) {
      const refused = formError(error, { slug: 'Edition slug', title: 'Title', report: 'Report' });
      return sendPage(reply, await this.renderEditions(session, { values, error: refused }), refused.status);
    }
  }

  @Get('editions/:slug/report')
  async editionReport(
    @Param('slug') slug: string,
    @Query() raw: Record<string, string | undefined>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { format = 'json' } = await validateInput(EditionReportQuery, present({ format: raw.format ?? '' }));
    const document = await this.editions.document(slug, format);
    void reply.header('content-type', REPORT_CONTENT_TYPES[format]).header('cache-control', 'no-store');
    return document;
  }

  // One entry of POST /api/assessments; refused, the item page again with the form as typed.
  @Post('items/:slug/assessment')
  @HttpCode(200)
  async assess(
    @Param('slug') slug: string,
    @Body() form: FormBody,
    @CurrentSession() session: ConsoleSession,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const values = textFields(form, ASSESSMENT_FIELDS);
    const { effectiveOn, score, ...entry } = values;
    try {
      const item = (await this.views.itemPage(slug)).item;
      const dto = await validateInput(ApplyAssessmentsDto, {
        effectiveOn,
        assessments: [{ ...present(entry), item: item.slug, score: formScore(score) }],
      });
      const applied = await this.assessments.apply(dto, session.actor.name);
      // One entry, one result.
      const [{ party, to }] = applied.results;
      await this.sessions.say(
        session,
        `Assessment recorded on “${item.title}”: ${await this.views.partyName(party)} scored ${scoreText(to)} as of ${applied.effectiveOn}.`,
      );
      return redirectAfterPost(reply, `/items/${encodeURIComponent(item.slug)}#history-heading`);
    } catch (error) {
      const refused = scoresError(error, ASSESSMENT_LABELS);
      const data = await this.views.itemPage(slug);
      return sendPage(
        reply,
        <ItemPage session={session} data={data} forms={{ assessment: { values, error: refused } }} />,
        refused.status,
      );
    }
  }

  private async sendCompliance(
    reply: FastifyReply,
    session: ConsoleSession,
    raw: Record<string, string>,
    step?: ScoresStep,
    status = 200,
  ) {
    const filters = filtersOf(raw);
    const editions = await this.editions.list();
    let report: ComplianceReport;
    let refused: FormError | undefined;
    try {
      const query = await validateInput(ComplianceReportQuery, present(filters));
      report = JSON.parse(
        (await this.reports.complianceDocument(query, 'json', session.actor.name)).toString('utf8'),
      ) as ComplianceReport;
    } catch (error) {
      // A filter the report refuses: the matrix of every item today, and why.
      refused = formError(error);
      report = JSON.parse(
        (await this.reports.complianceDocument({}, 'json', session.actor.name)).toString('utf8'),
      ) as ComplianceReport;
    }
    return sendPage(
      reply,
      <CompliancePage
        session={session}
        filters={filters}
        report={report}
        editions={editions}
        step={step}
        filterError={refused}
        parties={await this.views.partyList()}
      />,
      refused ? refused.status : status,
    );
  }

  // The editions, and the parties the publish form names.
  private async renderEditions(
    session: ConsoleSession,
    props: Pick<EditionsPageProps, 'values' | 'error' | 'published'> = {},
  ) {
    const [editions, parties] = await Promise.all([this.editions.list(), this.views.partyList()]);
    return <EditionsPage session={session} editions={editions} parties={parties} {...props} />;
  }

  private async scoresStep(form: FormBody, actor: string): Promise<ScoresStep> {
    const effectiveOn = typeof form.effectiveOn === 'string' ? form.effectiveOn : '';
    try {
      if (form.action === 'apply') {
        const key = typeof form.idempotencyKey === 'string' ? form.idempotencyKey : '';
        if (!IDEMPOTENCY_KEY.test(key)) {
          throw DomainError.validation([{ field: 'body', message: 'the preview is missing: run the dry run again' }]);
        }
        const dto = await validateInput(ApplyAssessmentsDto, {
          effectiveOn,
          assessments: JSON.parse(typeof form.assessments === 'string' ? form.assessments : '[]') as unknown,
        });
        const result = await this.assessments.apply(dto, actor, {
          key,
          method: 'POST',
          path: '/api/assessments',
          actor,
        });
        return { kind: 'applied', result };
      }
      const file = form.scoresFile;
      if (typeof file !== 'object' || file.text.trim() === '') {
        throw DomainError.validation([{ field: 'body', message: 'choose a CSV or JSON file of scores' }]);
      }
      const preview = await this.dryRun(file.filename, file.text, effectiveOn, actor);
      return { kind: 'preview', ...preview, idempotencyKey: randomUUID() };
    } catch (error) {
      return { kind: 'refused', error: scoresError(error, SCORES_LABELS) };
    }
  }

  // A matrix (CSV) or the API's JSON, checked through the service with nothing written. The
  // previewed entries travel with the Apply form.
  private async dryRun(
    filename: string,
    text: string,
    effectiveOn: string,
    actor: string,
  ): Promise<{ result: AssessmentsResultView; assessments: readonly unknown[] }> {
    if (!filename.toLowerCase().endsWith('.json')) {
      const result = await this.assessments.applyMatrix(text, effectiveOn, true, actor);
      return { result, assessments: result.results.map(({ item, party, to }) => ({ item, party, score: to })) };
    }
    let body: { effectiveOn?: unknown; assessments?: unknown };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      throw DomainError.validation([{ field: 'body', message: `${filename} is not JSON` }]);
    }
    const dto = await validateInput(ApplyAssessmentsDto, {
      ...body,
      effectiveOn: effectiveOn || body.effectiveOn,
      dryRun: true,
    });
    return { result: await this.assessments.apply(dto, actor), assessments: dto.assessments };
  }
}

// The report's filters from a query string, each as typed (and `extra` ones alongside).
function filtersOf(raw: Record<string, string>, extra: readonly string[] = []): FormValues {
  return Object.fromEntries(
    [...COMPLIANCE_FILTERS, ...extra].map((name) => [name, typeof raw[name] === 'string' ? raw[name] : '']),
  );
}

// Only what that report takes: the form shows every report's fields.
const QUERY_FIELDS: Readonly<Partial<Record<string, readonly string[]>>> = {
  status: ['asOf', 'category', 'proposedBy'],
  positions: ['asOf', 'category', 'proposedBy'],
  changes: ['from', 'to', 'category', 'proposedBy'],
  compliance: ['asOf', 'category', 'proposedBy', 'parties'],
};

function queryFor(report: string, query: Record<string, string>): Record<string, string> {
  const fields = QUERY_FIELDS[report] ?? [];
  return Object.fromEntries(Object.entries(query).filter(([field]) => fields.includes(field)));
}

// A batch refusal says what each failing cell was, on a line of its own.
function scoresError(error: unknown, labels: Readonly<Record<string, string>>): FormError {
  const refused = formError(error, labels);
  if (error instanceof DomainError && (error.is('assessments_rejected') || error.is('assessments_invalid'))) {
    return {
      ...refused,
      messages: error.extensions.failures.map(
        (failure) =>
          `${failure.item}, ${failure.party}${failure.line === undefined ? '' : ` (line ${failure.line})`}: ${failure.detail}`,
      ),
    };
  }
  return refused;
}
