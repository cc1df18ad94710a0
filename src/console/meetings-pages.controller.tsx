import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Param, Post, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { PublicRoute } from '../auth/roles.js';
import { DomainError } from '../common/domain-error.js';
import { validateInput } from '../common/validate-input.js';
import { ItemsService } from '../items/items.service.js';
import { CreateMeetingDto } from '../meetings/dto/create-meeting.dto.js';
import { MeetingsService } from '../meetings/meetings.service.js';
import { ApplyOutcomesDto } from '../outcomes/dto/apply-outcomes.dto.js';
import type { OutcomeDto } from '../outcomes/dto/outcome.dto.js';
import { parseOutcomesFile } from '../outcomes/outcomes-file.js';
import type { OutcomeFailureView } from '../outcomes/outcomes.view.js';
import { OutcomesService } from '../outcomes/outcomes.service.js';
import { ConsoleErrorFilter } from './console-error.filter.js';
import { ConsoleGuard, CurrentSession } from './console.guard.js';
import { ConsoleViewsService } from './console-views.service.js';
import type { FormBody } from './form-body.js';
import { formError, present, textFields } from './form-values.js';
import { redirectAfterPost, sendPage } from './page.js';
import type { ConsoleSession } from './sessions/console-sessions.service.js';
import { MeetingPage, type OutcomesStep, type PreviewRow } from './views/meeting.page.js';
import { MEETING_FIELDS, MeetingsPage } from './views/meetings.page.js';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

@ApiExcludeController()
@PublicRoute()
@UseGuards(ConsoleGuard)
@UseFilters(ConsoleErrorFilter)
@Controller('meetings')
export class MeetingsPagesController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly outcomes: OutcomesService,
    private readonly items: ItemsService,
    private readonly views: ConsoleViewsService,
  ) {}

  @Get()
  async list(@CurrentSession() session: ConsoleSession, @Res({ passthrough: true }) reply: FastifyReply) {
    return sendPage(reply, <MeetingsPage session={session} meetings={(await this.meetings.list()).data} />);
  }

  @Post()
  @HttpCode(200)
  async create(
    @Body() form: FormBody,
    @CurrentSession() session: ConsoleSession,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const values = textFields(form, MEETING_FIELDS);
    try {
      const meeting = await this.meetings.create(await validateInput(CreateMeetingDto, present(values)));
      return redirectAfterPost(reply, `/meetings/${encodeURIComponent(meeting.slug)}`);
    } catch (error) {
      const refused = formError(error);
      const meetings = (await this.meetings.list()).data;
      return sendPage(
        reply,
        <MeetingsPage session={session} meetings={meetings} values={values} error={refused} />,
        refused.status,
      );
    }
  }

  @Get(':slug')
  async meeting(
    @Param('slug') slug: string,
    @CurrentSession() session: ConsoleSession,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return sendPage(reply, <MeetingPage session={session} data={await this.views.meetingPage(slug)} />);
  }

  // `Dry run` reads the uploaded file and previews it; `Apply` commits the previewed outcomes,
  // which travel in the preview's form, once per idempotency key.
  @Post(':slug/outcomes')
  @HttpCode(200)
  async outcomesStep(
    @Param('slug') slug: string,
    @Body() form: FormBody,
    @CurrentSession() session: ConsoleSession,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const meeting = await this.meetings.findOne(slug);
    const step =
      form.action === 'apply'
        ? await this.apply(meeting.slug, form, session)
        : await this.dryRun(meeting.slug, form, session);
    const status = step.kind === 'refused' || step.kind === 'invalid' ? step.error.status : 200;
    const data = await this.views.meetingPage(meeting.slug);
    return sendPage(reply, <MeetingPage session={session} data={data} step={step} />, status);
  }

  private async dryRun(meeting: string, form: FormBody, session: ConsoleSession): Promise<OutcomesStep> {
    const file = form.outcomesFile;
    const typed = typeof form.outcomesText === 'string' ? form.outcomesText : '';
    let outcomes: OutcomeDto[];
    try {
      // A file wins over typed rows; typed rows are CSV.
      const parsed =
        typeof file === 'object'
          ? await parseOutcomesFile(file.filename, file.text)
          : typed.trim()
            ? await parseOutcomesFile('The typed outcomes', typed, 'csv')
            : undefined;
      if (!parsed) {
        throw DomainError.validation([
          { field: 'Outcomes file', message: 'choose a JSON or CSV file, or type the outcomes as CSV rows' },
        ]);
      }
      if (parsed.meeting !== undefined && parsed.meeting !== meeting) {
        throw DomainError.validation([
          { field: 'Outcomes file', message: `is for the meeting "${parsed.meeting}", not "${meeting}"` },
        ]);
      }
      outcomes = parsed.outcomes;
    } catch (error) {
      return { kind: 'invalid', error: formError(error) };
    }
    return this.preview(meeting, outcomes, session);
  }

  private async apply(meeting: string, form: FormBody, session: ConsoleSession): Promise<OutcomesStep> {
    const key = typeof form.idempotencyKey === 'string' ? form.idempotencyKey : '';
    let dto: ApplyOutcomesDto;
    try {
      if (!IDEMPOTENCY_KEY.test(key)) {
        throw DomainError.validation([{ field: 'idempotencyKey', message: 'is missing: run the dry run again' }]);
      }
      dto = await validateInput(ApplyOutcomesDto, { outcomes: parseJson(form.outcomes) });
    } catch (error) {
      return { kind: 'invalid', error: formError(error) };
    }
    try {
      const result = await this.outcomes.apply(meeting, { outcomes: dto.outcomes, dryRun: false }, session.actor.name, {
        key,
        method: 'POST',
        path: `/meetings/${meeting}/outcomes`,
      });
      return { kind: 'applied', result };
    } catch (error) {
      return this.refused(error, dto.outcomes);
    }
  }

  // A dry run through the service: every check, nothing written.
  private async preview(meeting: string, outcomes: OutcomeDto[], session: ConsoleSession): Promise<OutcomesStep> {
    try {
      const result = await this.outcomes.apply(meeting, { outcomes, dryRun: true }, session.actor.name);
      const rows = outcomes.map((outcome, index): PreviewRow => ({
        outcome,
        fromState: result.outcomes[index]?.fromState ?? null,
      }));
      return { kind: 'preview', rows, idempotencyKey: randomUUID() };
    } catch (error) {
      return this.refused(error, outcomes);
    }
  }

  // Each failing outcome is shown on its own row, as the API lists it.
  private async refused(error: unknown, outcomes: readonly OutcomeDto[]): Promise<OutcomesStep> {
    const refusal = formError(error);
    const failures =
      error instanceof DomainError ? (error.extensions.failures as OutcomeFailureView[] | undefined) : undefined;
    if (!failures) {
      return { kind: 'invalid', error: refusal };
    }
    const rows = await Promise.all(
      outcomes.map(async (outcome, index): Promise<PreviewRow> => ({
        outcome,
        fromState: await this.items.findOne(outcome.item).then(
          (item) => item.state,
          () => null,
        ),
        failure: failures.find((failure) => failure.index === index),
      })),
    );
    return { kind: 'refused', rows, error: { ...refusal, messages: [(error as DomainError).message] } };
  }
}

function parseJson(text: FormBody[string]): unknown {
  try {
    return typeof text === 'string' ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}
