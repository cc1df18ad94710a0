import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { nowIso } from '../common/calendar-date.js';
import { DomainError } from '../common/domain-error.js';
import { isPrintable } from '../common/validators.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import type { Actor } from './actor.js';
import type { TokenRole } from './api-token.entity.js';
import { TokenRepository } from './token.repository.js';
import { generateTokenSecret, hashTokenSecret } from './token-secret.js';
import type { CreatedTokenView, TokenList } from './token.view.js';

export const BOOTSTRAP_TOKEN_NAME = 'bootstrap';

export type BootstrapOutcome =
  { readonly kind: 'existing' } | { readonly kind: 'created'; readonly secret: string; readonly generated: boolean };

@Injectable()
export class TokensService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly tokens: TokenRepository,
  ) {}

  async create(name: string, role: TokenRole, secret = generateTokenSecret()): Promise<CreatedTokenView> {
    await this.transactions.write((manager) =>
      this.tokens.insert(manager, {
        name,
        role,
        secretHash: hashTokenSecret(secret),
        createdAt: nowIso(),
        revokedAt: null,
      }),
    );
    return { name, role, token: secret };
  }

  async list(): Promise<TokenList> {
    const tokens = await this.tokens.all(this.dataSource.manager);
    return {
      data: tokens.map(({ name, role, createdAt, revokedAt }) => ({ name, role, createdAt, revokedAt })),
    };
  }

  async revoke(name: string): Promise<void> {
    await this.transactions.write(async (manager) => {
      // Inside the write lock, so two admins revoking each other cannot both pass the check.
      const admins = isPrintable(name) ? await this.tokens.activeAdminNames(manager) : [];
      if (admins.length === 1 && admins[0] === name) {
        throw new DomainError(
          'last_admin_token',
          `"${name}" is the last active admin token; create another admin token before revoking it.`,
          { name },
        );
      }
      const revoked = isPrintable(name) && (await this.tokens.revoke(manager, name));
      if (!revoked) {
        throw new DomainError('token_not_found', `No active token is named "${name}".`, { name });
      }
    });
  }

  isNameTaken(name: string): Promise<boolean> {
    return this.tokens.exists(this.dataSource.manager, name);
  }

  // Runs on every request, and is never cached, so that a revoked token stops working at once on
  // every instance.
  async authenticate(secret: string): Promise<Actor | undefined> {
    const token = await this.tokens.activeBySecretHash(this.dataSource.manager, hashTokenSecret(secret));
    return token ? { name: token.name, role: token.role } : undefined;
  }

  // First start on an empty token table: TRACKER_ADMIN_TOKEN becomes the admin token `bootstrap`,
  // or one is generated for the caller to print once.
  async ensureBootstrapToken(configured: string | undefined): Promise<BootstrapOutcome> {
    if (!(await this.tokens.isEmpty(this.dataSource.manager))) {
      return { kind: 'existing' };
    }
    const secret = configured ?? generateTokenSecret();
    try {
      await this.create(BOOTSTRAP_TOKEN_NAME, 'admin', secret);
    } catch (error) {
      // Another instance bootstrapped at the same moment.
      if (error instanceof DomainError && error.code === 'token_name_taken') {
        return { kind: 'existing' };
      }
      throw error;
    }
    return { kind: 'created', secret, generated: configured === undefined };
  }
}
