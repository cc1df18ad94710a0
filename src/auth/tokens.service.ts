import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull, type DataSource } from 'typeorm';
import { nowIso } from '../common/calendar-date.js';
import { DomainError } from '../common/domain-error.js';
import { isPrintable } from '../common/validators.js';
import { byteOrder } from '../database/byte-order.js';
import { isUniqueViolation } from '../database/database-errors.js';
import { selectRows } from '../database/sql.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import type { Actor } from './actor.js';
import { ApiTokenEntity, type TokenRole } from './api-token.entity.js';
import { generateTokenSecret, hashTokenSecret } from './token-secret.js';
import type { CreatedTokenView, TokenList } from './token.view.js';

export const BOOTSTRAP_TOKEN_NAME = 'bootstrap';

const ACTIVE_TOKEN_BY_HASH =
  'SELECT "name", "role" FROM "api_tokens" WHERE "secret_hash" = :secretHash AND "revoked_at" IS NULL';

export type BootstrapOutcome =
  { readonly kind: 'existing' } | { readonly kind: 'created'; readonly secret: string; readonly generated: boolean };

@Injectable()
export class TokensService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
  ) {}

  async create(name: string, role: TokenRole, secret = generateTokenSecret()): Promise<CreatedTokenView> {
    await this.transactions.write(async (manager) => {
      if (await manager.existsBy(ApiTokenEntity, { name })) {
        throw nameTaken(name);
      }
      try {
        await manager.insert(ApiTokenEntity, {
          name,
          role,
          secretHash: hashTokenSecret(secret),
          createdAt: nowIso(),
          revokedAt: null,
        });
      } catch (error) {
        throw isUniqueViolation(error) ? nameTaken(name) : error;
      }
    });
    return { name, role, token: secret };
  }

  async list(): Promise<TokenList> {
    const tokens = await this.dataSource
      .createQueryBuilder(ApiTokenEntity, 'token')
      .orderBy(byteOrder(this.dataSource, 'token.name'), 'ASC')
      .getMany();
    return {
      data: tokens.map(({ name, role, createdAt, revokedAt }) => ({ name, role, createdAt, revokedAt })),
    };
  }

  async revoke(name: string): Promise<void> {
    await this.transactions.write(async (manager) => {
      // Inside the write lock, so two admins revoking each other cannot both pass the check.
      const admins = isPrintable(name)
        ? await manager.findBy(ApiTokenEntity, { role: 'admin', revokedAt: IsNull() })
        : [];
      if (admins.length === 1 && admins[0]?.name === name) {
        throw new DomainError(
          'last_admin_token',
          `"${name}" is the last active admin token; create another admin token before revoking it.`,
          { name },
        );
      }
      const revoked =
        isPrintable(name) &&
        (await manager.update(ApiTokenEntity, { name, revokedAt: IsNull() }, { revokedAt: nowIso() })).affected === 1;
      if (!revoked) {
        throw new DomainError('token_not_found', `No active token is named "${name}".`, { name });
      }
    });
  }

  // Runs on every request, and is never cached, so that a revoked token stops working at once on
  // every instance: one prepared statement on the unique secret_hash index.
  async authenticate(secret: string): Promise<Actor | undefined> {
    const [token] = await selectRows<Actor>(this.dataSource.manager, ACTIVE_TOKEN_BY_HASH, {
      secretHash: hashTokenSecret(secret),
    });
    return token ? { name: token.name, role: token.role } : undefined;
  }

  // First start on an empty token table: TRACKER_ADMIN_TOKEN becomes the admin token `bootstrap`,
  // or one is generated for the caller to print once.
  async ensureBootstrapToken(configured: string | undefined): Promise<BootstrapOutcome> {
    if ((await this.dataSource.manager.count(ApiTokenEntity)) > 0) {
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

function nameTaken(name: string): DomainError {
  return new DomainError('token_name_taken', `A token named "${name}" exists already (revoked names stay taken).`, {
    name,
  });
}
