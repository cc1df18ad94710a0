import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '../../auth/actor.js';
import { TokensService } from '../../auth/tokens.service.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { TransactionRunner } from '../../database/transaction-runner.js';
import { ConsoleSessionRepository } from './console-session.repository.js';

export interface ConsoleSession {
  readonly actor: Actor;
  readonly csrfToken: string;
}

export interface StartedSession extends ConsoleSession {
  // Goes to the browser in the cookie; only its hash is stored.
  readonly id: string;
}

// Seen-at is written at most this often, so browsing does not turn every page view into a write.
const TOUCH_INTERVAL_MS = 60_000;

@Injectable()
export class ConsoleSessionsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: TokensService,
    private readonly sessions: ConsoleSessionRepository,
    private readonly transactions: TransactionRunner,
  ) {}

  // A session for the token's owner, or undefined when the secret opens nothing.
  async start(secret: string): Promise<StartedSession | undefined> {
    const actor = await this.tokens.authenticate(secret);
    if (!actor) {
      return undefined;
    }
    const id = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    const now = new Date();
    await this.transactions.write(async (manager) => {
      // Sign-ins are rare: a good moment to forget the sessions nobody came back to.
      await this.sessions.deleteIdle(manager, this.idleSince(now));
      await this.sessions.insert(manager, {
        idHash: hashSessionId(id),
        tokenName: actor.name,
        csrfToken,
        now: now.toISOString(),
      });
    });
    return { id, actor, csrfToken };
  }

  async resume(id: string): Promise<ConsoleSession | undefined> {
    const idHash = hashSessionId(id);
    const now = new Date();
    const stored = await this.sessions.findLive(this.dataSource.manager, idHash, this.idleSince(now));
    if (!stored) {
      return undefined;
    }
    if (now.getTime() - Date.parse(stored.lastSeenAt) >= TOUCH_INTERVAL_MS) {
      await this.transactions.write((manager) => this.sessions.touch(manager, idHash, now.toISOString()));
    }
    return { actor: { name: stored.tokenName, role: stored.role }, csrfToken: stored.csrfToken };
  }

  async end(id: string): Promise<void> {
    await this.transactions.write((manager) => this.sessions.delete(manager, hashSessionId(id)));
  }

  private idleSince(now: Date): string {
    return new Date(now.getTime() - this.config.consoleSessionIdleMinutes * 60_000).toISOString();
  }
}

export function csrfTokenMatches(session: ConsoleSession, sent: unknown): boolean {
  if (typeof sent !== 'string') {
    return false;
  }
  const expected = Buffer.from(session.csrfToken);
  const given = Buffer.from(sent);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function hashSessionId(id: string): string {
  return createHash('sha256').update(id, 'utf8').digest('hex');
}
