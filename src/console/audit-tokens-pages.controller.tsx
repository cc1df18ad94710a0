import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuditService } from '../audit/audit.service.js';
import type { AuditReport } from '../audit/audit-report.view.js';
import { VerifyAuditQuery } from '../audit/dto/verify-audit.query.js';
import { CreateTokenDto } from '../auth/dto/create-token.dto.js';
import { PublicRoute } from '../auth/roles.js';
import { TokensService } from '../auth/tokens.service.js';
import { validateInput } from '../common/validate-input.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { ConsoleErrorFilter } from './console-error.filter.js';
import { assertAdmin, ConsoleGuard, CurrentSession } from './console.guard.js';
import type { FormBody } from './form-body.js';
import { formError, present, textFields, type FormError } from './form-values.js';
import { redirectAfterPost, sendPage } from './page.js';
import { ConsoleSessionsService, type ConsoleSession } from './sessions/console-sessions.service.js';
import { expiredSessionCookie, type SessionEnding } from './sign-in.controller.js';
import { ConfirmPage } from './views/confirm.page.js';
import { AuditPage } from './views/audit.page.js';
import { TokensPage } from './views/tokens.page.js';

@ApiExcludeController()
@PublicRoute()
@UseGuards(ConsoleGuard)
@UseFilters(ConsoleErrorFilter)
@Controller()
export class AuditTokensPagesController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly tokens: TokensService,
    private readonly sessions: ConsoleSessionsService,
  ) {}

  // Verifying changes nothing, so it is a GET form; like the API's verify it is for admins.
  @Get('audit')
  async auditPage(
    @Query() raw: Partial<Record<string, string>>,
    @CurrentSession() session: ConsoleSession,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const against = raw.against?.replace(/\s+/g, '') ?? '';
    let verified: AuditReport | undefined;
    let error: FormError | undefined;
    if (raw.verify) {
      assertAdmin(session);
      try {
        verified = await this.audit.verify(await validateInput(VerifyAuditQuery, present({ against })));
      } catch (refusal) {
        error = formError(refusal, { against: 'Checkpoints' });
      }
    }
    const head = await this.audit.head();
    return sendPage(
      reply,
      <AuditPage session={session} head={head} against={raw.against} verified={verified} error={error} />,
      error?.status ?? 200,
    );
  }

  @Get('tokens')
  async tokensPage(@CurrentSession() session: ConsoleSession, @Res({ passthrough: true }) reply: FastifyReply) {
    assertAdmin(session);
    return sendPage(reply, <TokensPage session={session} tokens={(await this.tokens.list()).data} />);
  }

  // The answer shows the secret, once: it is not a redirect, and the page is never cached.
  @Post('tokens')
  @HttpCode(200)
  async create(
    @Body() form: FormBody,
    @CurrentSession() session: ConsoleSession,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const values = textFields(form, ['name', 'role']);
    try {
      const dto = await validateInput(CreateTokenDto, present(values));
      const created = await this.tokens.create(dto.name, dto.role);
      const tokens = (await this.tokens.list()).data;
      return sendPage(reply, <TokensPage session={session} tokens={tokens} created={created} />, 201);
    } catch (error) {
      const refused = formError(error, { name: 'Name', role: 'Role' });
      const tokens = (await this.tokens.list()).data;
      return sendPage(
        reply,
        <TokensPage session={session} tokens={tokens} values={values} error={refused} />,
        refused.status,
      );
    }
  }

  // Revoking asks first; the page changes nothing.
  @Get('tokens/:name/revoke')
  confirmRevoke(
    @Param('name') name: string,
    @CurrentSession() session: ConsoleSession,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    assertAdmin(session);
    const own = signedInWith(session, name);
    return sendPage(
      reply,
      <ConfirmPage
        session={session}
        section="tokens"
        title={`Revoke the token ${name}?`}
        action={`/tokens/${encodeURIComponent(name)}/revoke`}
        button="Confirm revocation"
        back="/tokens"
      >
        <p>
          Every program and console session using {name} stops working at once. The name stays in the history and is
          never reused.
        </p>
        {own && (
          <p class="warning">
            <strong>You are signed in with this token:</strong> revoking it signs you out.
          </p>
        )}
      </ConfirmPage>,
    );
  }

  // Revoking the token one is signed in with ends the session too: the sign-in page says why.
  @Post('tokens/:name/revoke')
  async revoke(
    @Param('name') name: string,
    @CurrentSession() session: ConsoleSession,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    await this.tokens.revoke(name);
    if (signedInWith(session, name)) {
      void reply.header('set-cookie', expiredSessionCookie(this.config));
      return redirectAfterPost(reply, `/sign-in?ended=${'token-revoked' satisfies SessionEnding}`);
    }
    await this.sessions.say(session, `Token “${name}” revoked: it stopped working at once.`);
    return redirectAfterPost(reply, '/tokens');
  }
}

function signedInWith(session: ConsoleSession, token: string): boolean {
  return session.kind === 'token' && session.actor.name === token;
}
