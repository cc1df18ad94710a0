import { Body, Controller, Get, HttpCode, Inject, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
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
import { SignInPage, type SignInWith } from './views/sign-in.page.js';

// What the sign-in page says after a session ended on purpose (?ended=…).
export const SESSION_ENDINGS = {
  'signed-out': 'You have signed out.',
  'token-revoked': 'You revoked the token you were signed in with, so your session ended with it.',
} as const;
export type SessionEnding = keyof typeof SESSION_ENDINGS;

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
  async page(
    @Query('ended') ended: string | undefined,
    @Req() request: ConsoleRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string | void> {
    const id = sessionCookie(request.headers.cookie);
    if (id && (await this.sessions.resume(id))) {
      return redirectAfterPost(reply, '/');
    }
    const notice = ended && Object.hasOwn(SESSION_ENDINGS, ended) ? SESSION_ENDINGS[ended as SessionEnding] : undefined;
    return sendPage(reply, <SignInPage notice={notice} />);
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
    // Which form was posted: the account's has a username field, the token's a token field.
    const via: SignInWith = typeof form.username === 'string' ? 'account' : 'token';
    const username = typeof form.username === 'string' ? form.username.trim() : '';
    const refuse = (error: string, status: number) =>
      sendPage(reply, <SignInPage error={error} refused={via} username={username} />, status);
    const retryAfterSeconds = this.failures.retryAfterSeconds(request.ip);
    if (retryAfterSeconds !== undefined) {
      void reply.header('retry-after', String(retryAfterSeconds));
      return refuse(`Too many failed sign-ins from this address; try again in ${retryAfterSeconds} s.`, 429);
    }
    const session = await this.startSession(via, username, form);
    if (!session) {
      this.failures.recordFailure(request.ip);
      request.log.warn({ ip: request.ip, via }, 'console sign-in failed');
      return refuse(
        via === 'account'
          ? 'That username and password do not match an enabled account.'
          : 'That token is unknown or has been revoked.',
        401,
      );
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
    void reply.header('set-cookie', expiredSessionCookie(this.config));
    redirectAfterPost(reply, '/sign-in?ended=signed-out');
  }

  private startSession(via: SignInWith, username: string, form: FormBody) {
    if (via === 'account') {
      const password = typeof form.password === 'string' ? form.password : '';
      return username && password ? this.sessions.startForAccount(username, password) : Promise.resolve(undefined);
    }
    const secret = typeof form.token === 'string' ? form.token.trim() : '';
    return secret ? this.sessions.start(secret) : Promise.resolve(undefined);
  }
}

// Tells the browser to forget the session cookie.
export function expiredSessionCookie(config: AppConfig): string {
  const secure = config.consoleSecureCookie ? '; Secure' : '';
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secure}`;
}

// There is no session yet to carry a CSRF token: a sign-in posted from another site's page
// (which would sign the victim in as the attacker) is refused by what the browser says of its
// origin: Sec-Fetch-Site, or, from a browser that does not send it, an Origin of another host. (Our
// own pages' posts say Origin "null": they are served with Referrer-Policy no-referrer.)
export function assertSameOrigin(request: ConsoleRequest): void {
  const site = request.headers['sec-fetch-site'];
  const origin = request.headers.origin;
  const crossSite = site !== undefined && site !== 'same-origin' && site !== 'none';
  if (crossSite || (origin !== undefined && origin !== 'null' && originHost(origin) !== request.headers.host)) {
    throw new DomainError('forbidden', 'Sign in from the console’s own page.');
  }
}

function originHost(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}
