import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { TokensService } from '../auth/tokens.service.js';
import { nowIso } from '../common/calendar-date.js';
import { DomainError } from '../common/domain-error.js';
import { isPrintable } from '../common/validators.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import type { AccountEntity } from './account.entity.js';
import { AccountRepository, usernameTaken } from './account.repository.js';
import type { CreateAccountDto } from './dto/create-account.dto.js';
import { PasswordHasher } from './password-hasher.js';

export type AccountView = Omit<AccountEntity, 'id' | 'passwordHash'>;

export interface AccountActor extends Actor {
  readonly displayName: string;
}

@Injectable()
export class AccountsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly accounts: AccountRepository,
    private readonly tokens: TokensService,
    private readonly hasher: PasswordHasher,
  ) {}

  // The history names an actor by one string, so a username may not be a token's name either.
  async create(input: CreateAccountDto): Promise<AccountView> {
    if (await this.tokens.isNameTaken(input.username)) {
      throw usernameTaken(input.username);
    }
    const passwordHash = await this.hasher.hash(input.password);
    const account = {
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      createdAt: nowIso(),
      disabledAt: null,
    };
    await this.transactions.write((manager) => this.accounts.insert(manager, { ...account, passwordHash }));
    return account;
  }

  async list(): Promise<AccountView[]> {
    const accounts = await this.accounts.all(this.dataSource.manager);
    return accounts.map(({ username, displayName, role, createdAt, disabledAt }) => ({
      username,
      displayName,
      role,
      createdAt,
      disabledAt,
    }));
  }

  // The account's actor when the password is right; the same work is done for an unknown name.
  async authenticate(username: string, password: string): Promise<AccountActor | undefined> {
    const account = isPrintable(username) ? await this.accounts.active(this.dataSource.manager, username) : undefined;
    if (!account) {
      return this.hasher.verifyNothing(password).then(() => undefined);
    }
    if (!(await this.hasher.verify(account.passwordHash, password))) {
      return undefined;
    }
    return { name: account.username, role: account.role, displayName: account.displayName };
  }

  async resetPassword(username: string, password: string): Promise<void> {
    const passwordHash = await this.hasher.hash(password);
    const reset = await this.transactions.write(
      async (manager) => isPrintable(username) && this.accounts.setPasswordHash(manager, username, passwordHash),
    );
    if (!reset) {
      throw accountNotFound(username);
    }
  }

  // A person's own change: the current password first, as a left-open session is not proof enough.
  async changePassword(username: string, currentPassword: string, newPassword: string): Promise<void> {
    if (!(await this.authenticate(username, currentPassword))) {
      throw DomainError.validation([{ field: 'currentPassword', message: 'is not your current password' }]);
    }
    await this.resetPassword(username, newPassword);
  }

  async disable(username: string, by: Actor): Promise<void> {
    if (username === by.name) {
      throw new DomainError('forbidden', 'You cannot disable your own account; another admin can.');
    }
    const disabled = await this.transactions.write(
      async (manager) => isPrintable(username) && this.accounts.disable(manager, username),
    );
    if (!disabled) {
      throw accountNotFound(username);
    }
  }
}

function accountNotFound(username: string): DomainError {
  return new DomainError('account_not_found', `No active account has the username "${username}".`, { username });
}
