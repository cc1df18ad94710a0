import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuthFailureLimiter } from '../auth/auth-failure-limiter.js';
import { PublicRoute } from '../auth/roles.js';
import { DomainError } from '../common/domain-error.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { ConsoleErrorFilter } from './console-error.filter.js';
import { ConsoleGuard, OpenToViewers, SESSION_COOKIE, sessionCookie, type ConsoleRequest } from './console.guard.js';
import type { FormBody } from './form-body.js';
import { redirectAfterPost, sendPage } from './page.js';
import { ConsoleSessionsService } from './sessions/console-sessions.service.js';
import { SignInPage } from './views/sign-in.page.js';

@ApiExcludeController()
@PublicRoute()
@UseFilters(ConsoleErrorFilter)
@Controller()
export class SignInController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: ConsoleSessionsService,
    private readonly failures: AuthFailureLimiter,
  ) {}

  @Get('sign-in')
  async page(@Req() request: ConsoleRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string | void> {
    const id = sessionCookie(request.headers.cookie);
    if (id && (await this.sessions.resume(id))) {
      return redirectAfterPost(reply, '/');
    }
    return sendPage(reply, <SignInPage />);
  }

  // Failed sign-ins count toward the same per-address limit as failed API authentications.
  @Post('sign-in')
  @HttpCode(200)
  async signIn(
    @Body() form: FormBody,
    @Req() request: ConsoleRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string | void> {
    assertSameOrigin(request);
    const retryAfterSeconds = this.failures.retryAfterSeconds(request.ip);
    if (retryAfterSeconds !== undefined) {
      void reply.header('retry-after', String(retryAfterSeconds));
      return sendPage(
        reply,
        <SignInPage error={`Too many failed sign-ins from this address; try again in ${retryAfterSeconds} s.`} />,
        429,
      );
    }
    const secret = typeof form.token === 'string' ? form.token.trim() : '';
    const session = secret ? await this.sessions.start(secret) : undefined;
    if (!session) {
      this.failures.recordFailure(request.ip);
      request.log.warn({ ip: request.ip, tokenSent: secret !== '' }, 'console sign-in failed');
      return sendPage(reply, <SignInPage error="That token is unknown or has been revoked." />, 401);
    }
    const secure = this.config.consoleSecureCookie ? '; Secure' : '';
    void reply.header('set-cookie', `${SESSION_COOKIE}=${session.id}; Path=/; HttpOnly; SameSite=Strict${secure}`);
    return redirectAfterPost(reply, '/');
  }

  @Post('sign-out')
  @UseGuards(ConsoleGuard)
  @OpenToViewers()
  async signOut(@Req() request: ConsoleRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const id = sessionCookie(request.headers.cookie);
    if (id) {
      await this.sessions.end(id);
    }
    const secure = this.config.consoleSecureCookie ? '; Secure' : '';
    void reply.header('set-cookie', `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secure}`);
    redirectAfterPost(reply, '/sign-in');
  }
}

// There is no session yet to carry a CSRF token: a sign-in posted from another site's page
// (which would sign the victim in as the attacker) is refused by what the browser says of its
// origin. (The Origin header is "null" here: the pages are served with Referrer-Policy no-referrer.)
function assertSameOrigin(request: ConsoleRequest): void {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    throw new DomainError('forbidden', 'Sign in from the console’s own page.');
  }
}
