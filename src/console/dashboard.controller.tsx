import { Controller, Get, Query, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { PublicRoute } from '../auth/roles.js';
import { validateInput } from '../common/validate-input.js';
import { HistoryFeedService } from '../history/history-feed.service.js';
import { MeetingsService } from '../meetings/meetings.service.js';
import { ConsoleErrorFilter } from './console-error.filter.js';
import { ConsoleGuard, CurrentSession } from './console.guard.js';
import { ConsoleViewsService } from './console-views.service.js';
import { sendPage } from './page.js';
import type { ConsoleSession } from './sessions/console-sessions.service.js';
import { ActivityQuery } from './activity.query.js';
import { formError, present, type FormError } from './form-values.js';
import { ActivityPage } from './views/activity.page.js';
import { DashboardPage } from './views/dashboard.page.js';

const ACTIVITY_PAGE = 50;
const ACTIVITY_LABELS = {
  actor: 'Actor',
  item: 'Item',
  meeting: 'Meeting',
  action: 'Change',
  from: 'Recorded from',
  to: 'Recorded to',
  before: 'Page',
};

// `/` is the console: without a session it leads to the sign-in page.
@ApiExcludeController()
@PublicRoute()
@UseGuards(ConsoleGuard)
@UseFilters(ConsoleErrorFilter)
@Controller()
export class DashboardController {
  constructor(
    private readonly views: ConsoleViewsService,
    private readonly feed: HistoryFeedService,
    private readonly meetings: MeetingsService,
  ) {}

  @Get()
  async dashboard(@CurrentSession() session: ConsoleSession, @Res({ passthrough: true }) reply: FastifyReply) {
    return sendPage(reply, <DashboardPage session={session} data={await this.views.dashboard()} />);
  }

  // A refused filter keeps what was typed, with the reason above the form.
  @Get('activity')
  async activity(
    @Query() raw: Record<string, string>,
    @CurrentSession() session: ConsoleSession,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const typed = Object.fromEntries(Object.entries(raw).filter(([, value]) => typeof value === 'string'));
    const meetings = (await this.meetings.list()).data;
    let query: ActivityQuery = {};
    let error: FormError | undefined;
    try {
      query = await validateInput(ActivityQuery, present(typed));
    } catch (refusal) {
      error = formError(refusal, ACTIVITY_LABELS);
    }
    const data = error ? undefined : await this.feed.activity(query, ACTIVITY_PAGE);
    return sendPage(
      reply,
      <ActivityPage session={session} query={query} typed={typed} data={data} meetings={meetings} error={error} />,
      error?.status ?? 200,
    );
  }
}
