import { Controller, Get, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { PublicRoute } from '../auth/roles.js';
import { ConsoleErrorFilter } from './console-error.filter.js';
import { ConsoleGuard, CurrentSession } from './console.guard.js';
import { ConsoleViewsService } from './console-views.service.js';
import { sendPage } from './page.js';
import type { ConsoleSession } from './sessions/console-sessions.service.js';
import { DashboardPage } from './views/dashboard.page.js';

// `/` is the console: without a session it leads to the sign-in page.
@ApiExcludeController()
@PublicRoute()
@UseGuards(ConsoleGuard)
@UseFilters(ConsoleErrorFilter)
@Controller()
export class DashboardController {
  constructor(private readonly views: ConsoleViewsService) {}

  @Get()
  async dashboard(@CurrentSession() session: ConsoleSession, @Res({ passthrough: true }) reply: FastifyReply) {
    return sendPage(reply, <DashboardPage session={session} data={await this.views.dashboard()} />);
  }
}
