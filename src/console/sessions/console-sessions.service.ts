import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AccountsService } from '../../accounts/accounts.service.js';
import type { Actor } from '../../auth/actor.js';
import { TokensService } from '../../auth/tokens.service.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { TransactionRunner } from '../../database/transaction-runner.js';
import { ConsoleSessionRepository, type SessionActorKind } from './console-session.repository.js';

export interface ConsoleSession {
  readonly kind: SessionActorKind;
  // The account's username or the token's name: the actor the history records.
  readonly actor: Actor;
  // An account's display name; a token has none.
  readonly displayName?: string;
  readonly csrfToken: string;
  // What the last write did, to say in a status message on this page.
  readonly flash?: string;
  // The stored key of the session (the hash of its cookie), never the cookie itself.
  readonly idHash: string;
}

export interface StartedSession extends ConsoleSession {
  // Goes to the browser in the cookie; only its hash is stored.
  readonly id: string;
}

@Injectable()
export class ConsoleSessionsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: TokensService,
    private readonly accounts: AccountsService,
    private readonly sessions: ConsoleSessionRepository,
    private readonly transactions: TransactionRunner,
  ) {}

  // A session for the token's owner, or undefined when the secret opens nothing.
  async start(secret: string): Promise<StartedSession | undefined> {
    const actor = await this.tokens.authenticate(secret);
    return actor && this.open('token', actor);
  }

  // A session for the account, or undefined when the username and password do not match.
  async startForAccount(username: string, password: string): Promise<StartedSession | undefined> {
    const actor = await this.accounts.authenticate(username, password);
    return actor && this.open('account', actor, actor.displayName);
  }

  // Every request counts as use: the idle limit runs from the last one.
  async resume(id: string): Promise<ConsoleSession | undefined> {
    const idHash = hashSessionId(id);
    const now = new Date();
    const stored = await this.sessions.findLive(this.dataSource.manager, idHash, this.limits(now));
    if (!stored) {
      return undefined;
    }
    await this.transactions.write((manager) => this.sessions.touch(manager, idHash, now.toISOString()));
    return {
      kind: stored.kind,
      actor: { name: stored.actorName, role: stored.role },
      ...(stored.displayName === null ? {} : { displayName: stored.displayName }),
      ...(stored.flash === null ? {} : { flash: stored.flash }),
      csrfToken: stored.csrfToken,
      idHash,
    };
  }

  // Said on the next page the session opens (after the redirect that follows a write).
  async say(session: ConsoleSession, message: string): Promise<void> {
    await this.transactions.write((manager) => this.sessions.setFlash(manager, session.idHash, message.slice(0, 500)));
  }

  async end(id: string): Promise<void> {
    await this.transactions.write((manager) => this.sessions.delete(manager, hashSessionId(id)));
  }

  // After a password is reset or an account disabled: nobody stays signed in with the old one.
  async endAllOfAccount(username: string, keep?: ConsoleSession): Promise<void> {
    await this.transactions.write((manager) => this.sessions.deleteAllOf(manager, 'account', username, keep?.idHash));
  }

  private async open(kind: SessionActorKind, actor: Actor, displayName?: string): Promise<StartedSession> {
    const id = randomBytes(32).toString('base64url');
    const idHash = hashSessionId(id);
    const csrfToken = randomBytes(32).toString('base64url');
    const now = new Date();
    await this.transactions.write(async (manager) => {
      // Sign-ins are rare: a good moment to forget the sessions that are over.
      await this.sessions.deleteOver(manager, this.limits(now));
      await this.sessions.insert(manager, { idHash, kind, actorName: actor.name, csrfToken, now: now.toISOString() });
    });
    return {
      id,
      idHash,
      kind,
      actor: { name: actor.name, role: actor.role },
      ...(displayName === undefined ? {} : { displayName }),
      csrfToken,
    };
  }

  private limits(now: Date): { idleSince: string; bornSince: string } {
    return {
      idleSince: new Date(now.getTime() - this.config.consoleSessionIdleMinutes * 60_000).toISOString(),
      bornSince: new Date(now.getTime() - this.config.consoleSessionMaxHours * 3_600_000).toISOString(),
    };
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
