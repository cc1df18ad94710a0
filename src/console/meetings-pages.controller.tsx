import { Body, Controller, Get, HttpCode, Param, Post, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { PublicRoute } from '../auth/roles.js';
import { validateInput } from '../common/validate-input.js';
import { CreateMeetingDto } from '../meetings/dto/create-meeting.dto.js';
import { MeetingsService } from '../meetings/meetings.service.js';
import { ConsoleErrorFilter } from './console-error.filter.js';
import { ConsoleGuard, CurrentSession } from './console.guard.js';
import { ConsoleViewsService } from './console-views.service.js';
import { OutcomeEditorService } from './outcome-editor.service.js';
import type { FormBody } from './form-body.js';
import { formError, present, textFields } from './form-values.js';
import { redirectAfterPost, sendPage } from './page.js';
import { ConsoleSessionsService, type ConsoleSession } from './sessions/console-sessions.service.js';
import { MeetingPage } from './views/meeting.page.js';
import { MEETING_FIELDS, MeetingsPage } from './views/meetings.page.js';

const MEETING_LABELS = { slug: 'Slug', name: 'Name', location: 'Location', heldOn: 'Held on' };

@ApiExcludeController()
@PublicRoute()
@UseGuards(ConsoleGuard)
@UseFilters(ConsoleErrorFilter)
@Controller('meetings')
export class MeetingsPagesController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly editor: OutcomeEditorService,
    private readonly views: ConsoleViewsService,
    private readonly sessions: ConsoleSessionsService,
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
      await this.sessions.say(session, `Meeting “${meeting.name}” created, held on ${meeting.heldOn}.`);
      return redirectAfterPost(reply, `/meetings/${encodeURIComponent(meeting.slug)}`);
    } catch (error) {
      const refused = formError(error, MEETING_LABELS);
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

  // `Add outcome` and `Add position` add a row, `Dry run` checks the rows (or a file, which fills
  // them), `Apply` commits what was previewed.
  @Post(':slug/outcomes')
  @HttpCode(200)
  async outcomesStep(
    @Param('slug') slug: string,
    @Body() form: FormBody,
    @CurrentSession() session: ConsoleSession,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const meeting = await this.meetings.findOne(slug);
    const step = await this.editor.step(meeting.slug, form, session.actor.name);
    const status = step.kind === 'refused' || step.kind === 'invalid' ? step.error.status : 200;
    const data = await this.views.meetingPage(meeting.slug);
    return sendPage(reply, <MeetingPage session={session} data={data} step={step} />, status);
  }

  // A CSV to fill in: the columns of outcomes and of positions, with one example of each.
  @Get(':slug/outcomes/template.csv')
  async template(@Param('slug') slug: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const { meeting, items, parties } = await this.views.meetingPage(slug);
    const example = items[0]?.slug ?? 'item-slug';
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${meeting.slug}-outcomes.csv"`)
      .header('cache-control', 'no-store');
    return [
      'item,to,reason,source,party,stance,statement',
      `${example},under_discussion,Talks opened at ${meeting.name.replace(/[",\r\n]/g, ' ')}.,Final communiqué,,,`,
      `${example},,,,${parties[0]?.slug ?? 'party-slug'},conditional,Only as an equal partner.`,
      '',
    ].join('\r\n');
  }
}
