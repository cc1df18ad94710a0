import { Body, Controller, Get, HttpCode, Param, Post, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AccountsService } from '../accounts/accounts.service.js';
import { CreateAccountDto } from '../accounts/dto/create-account.dto.js';
import { ChangePasswordDto, NewPasswordDto } from '../accounts/dto/password.js';
import { PublicRoute } from '../auth/roles.js';
import { DomainError } from '../common/domain-error.js';
import { validateInput } from '../common/validate-input.js';
import { ConsoleErrorFilter } from './console-error.filter.js';
import { assertAdmin, ConsoleGuard, CurrentSession, OpenToViewers } from './console.guard.js';
import type { FormBody } from './form-body.js';
import { formError, textFields } from './form-values.js';
import { redirectAfterPost, sendPage } from './page.js';
import { ConsoleSessionsService, type ConsoleSession } from './sessions/console-sessions.service.js';
import { AccountPage } from './views/account.page.js';
import { ResetPasswordPage } from './views/reset-password.page.js';
import { ACCOUNT_FIELDS, AccountsPage } from './views/accounts.page.js';
import { ConfirmPage } from './views/confirm.page.js';

const ACCOUNT_LABELS = {
  username: 'Username',
  displayName: 'Display name',
  role: 'Role',
  password: 'Initial password',
};
const PASSWORD_LABELS = { password: 'New password', currentPassword: 'Current password', newPassword: 'New password' };

@ApiExcludeController()
@PublicRoute()
@UseGuards(ConsoleGuard)
@UseFilters(ConsoleErrorFilter)
@Controller()
export class AccountsPagesController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly sessions: ConsoleSessionsService,
  ) {}

  @Get('accounts')
  async list(@CurrentSession() session: ConsoleSession, @Res({ passthrough: true }) reply: FastifyReply) {
    assertAdmin(session);
    return sendPage(reply, <AccountsPage session={session} accounts={await this.accounts.list()} />);
  }

  // A refused form comes back with what was typed, but never with the password.
  @Post('accounts')
  @HttpCode(200)
  async create(
    @Body() form: FormBody,
    @CurrentSession() session: ConsoleSession,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const values = textFields(form, ACCOUNT_FIELDS);
    try {
      const password = typeof form.password === 'string' ? form.password : '';
      const account = await this.accounts.create(await validateInput(CreateAccountDto, { ...values, password }));
      await this.sessions.say(
        session,
        `Account “${account.username}” created for ${account.displayName} (${account.role}). Give them the initial password; they can change it under Your account.`,
      );
      return redirectAfterPost(reply, '/accounts');
    } catch (error) {
      const refused = formError(error, ACCOUNT_LABELS);
      return sendPage(
        reply,
        <AccountsPage session={session} accounts={await this.accounts.list()} values={values} error={refused} />,
        refused.status,
      );
    }
  }

  @Get('accounts/:username/reset-password')
  resetPage(
    @Param('username') username: string,
    @CurrentSession() session: ConsoleSession,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    assertAdmin(session);
    return sendPage(reply, <ResetPasswordPage session={session} username={username} />);
  }

  @Post('accounts/:username/reset-password')
  @HttpCode(200)
  async reset(
    @Param('username') username: string,
    @Body() form: FormBody,
    @CurrentSession() session: ConsoleSession,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    try {
      const { password } = await validateInput(NewPasswordDto, textFields(form, ['password']));
      await this.accounts.resetPassword(username, password);
      await this.sessions.endAllOfAccount(username, session);
      await this.sessions.say(session, `The password of “${username}” was reset; their sessions have ended.`);
      return redirectAfterPost(reply, '/accounts');
    } catch (error) {
      const refused = formError(error, PASSWORD_LABELS);
      return sendPage(
        reply,
        <ResetPasswordPage session={session} username={username} error={refused} />,
        refused.status,
      );
    }
  }

  // Disabling asks first; the page changes nothing.
  @Get('accounts/:username/disable')
  disablePage(
    @Param('username') username: string,
    @CurrentSession() session: ConsoleSession,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    assertAdmin(session);
    return sendPage(
      reply,
      <ConfirmPage
        session={session}
        section="accounts"
        title={`Disable the account ${username}?`}
        action={`/accounts/${encodeURIComponent(username)}/disable`}
        button="Confirm: disable account"
        back="/accounts"
      >
        <p>
          {username} is signed out at once and can no longer sign in. The history keeps their name on what they did, and
          the username is never given to anybody else.
        </p>
      </ConfirmPage>,
    );
  }

  @Post('accounts/:username/disable')
  async disable(
    @Param('username') username: string,
    @CurrentSession() session: ConsoleSession,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    await this.accounts.disable(username, session.actor);
    await this.sessions.endAllOfAccount(username);
    await this.sessions.say(session, `The account “${username}” is disabled; its sessions have ended.`);
    return redirectAfterPost(reply, '/accounts');
  }

  @Get('account')
  account(@CurrentSession() session: ConsoleSession, @Res({ passthrough: true }) reply: FastifyReply) {
    return sendPage(reply, <AccountPage session={session} />);
  }

  // Anybody with an account may change their own password, viewers included.
  @Post('account/password')
  @OpenToViewers()
  @HttpCode(200)
  async changePassword(
    @Body() form: FormBody,
    @CurrentSession() session: ConsoleSession,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    try {
      if (session.kind !== 'account') {
        throw new DomainError('forbidden', 'You signed in with an API token, which has no password.');
      }
      const dto = await validateInput(ChangePasswordDto, textFields(form, ['currentPassword', 'newPassword']));
      await this.accounts.changePassword(session.actor.name, dto.currentPassword, dto.newPassword);
      await this.sessions.endAllOfAccount(session.actor.name, session);
      await this.sessions.say(session, 'Your password is changed; your other sessions have ended.');
      return redirectAfterPost(reply, '/account');
    } catch (error) {
      const refused = formError(error, PASSWORD_LABELS);
      return sendPage(reply, <AccountPage session={session} error={refused} />, refused.status);
    }
  }
}
