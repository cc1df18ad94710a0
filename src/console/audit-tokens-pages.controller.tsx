import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuditService } from '../audit/audit.service.js';
import type { AuditReport } from '../audit/audit-report.view.js';
import { VerifyAuditQuery } from '../audit/dto/verify-audit.query.js';
import { CreateTokenDto } from '../auth/dto/create-token.dto.js';
import { PublicRoute } from '../auth/roles.js';
import { TokensService } from '../auth/tokens.service.js';
import { validateInput } from '../common/validate-input.js';
import { ConsoleErrorFilter } from './console-error.filter.js';
import { assertAdmin, ConsoleGuard, CurrentSession } from './console.guard.js';
import type { FormBody } from './form-body.js';
import { formError, present, textFields, type FormError } from './form-values.js';
import { redirectAfterPost, sendPage } from './page.js';
import type { ConsoleSession } from './sessions/console-sessions.service.js';
import { AuditPage } from './views/audit.page.js';
import { TokensPage } from './views/tokens.page.js';

@ApiExcludeController()
@PublicRoute()
@UseGuards(ConsoleGuard)
@UseFilters(ConsoleErrorFilter)
@Controller()
export class AuditTokensPagesController {
  constructor(
    private readonly audit: AuditService,
    private readonly tokens: TokensService,
  ) {}

  // Verifying changes nothing, so it is a GET form; like the API's verify it is for admins.
  @Get('audit')
  async auditPage(
    @Query() raw: Record<string, string>,
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

  @Post('tokens/:name/revoke')
  async revoke(@Param('name') name: string, @Res({ passthrough: true }) reply: FastifyReply) {
    await this.tokens.revoke(name);
    return redirectAfterPost(reply, '/tokens');
  }
}
