import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TokenRole } from '../../auth/api-token.entity.js';
import { executeWrite, selectRows } from '../../database/sql.js';

export interface StoredSession {
  readonly tokenName: string;
  readonly role: TokenRole;
  readonly csrfToken: string;
  readonly lastSeenAt: string;
}

// A session counts only while its token is active: revoking the token ends it at once, on every
// instance, because this join runs on every console request.
const LIVE_SESSION = `
  SELECT s."token_name", s."csrf_token", s."last_seen_at", t."role"
  FROM "console_sessions" s JOIN "api_tokens" t ON t."name" = s."token_name" AND t."revoked_at" IS NULL
  WHERE s."id_hash" = :idHash AND s."last_seen_at" > :idleSince`;

const INSERT_SESSION = `
  INSERT INTO "console_sessions" ("id_hash", "token_name", "csrf_token", "created_at", "last_seen_at")
  VALUES (:idHash, :tokenName, :csrfToken, :now, :now)`;

const TOUCH_SESSION = `UPDATE "console_sessions" SET "last_seen_at" = :now WHERE "id_hash" = :idHash`;
const DELETE_SESSION = `DELETE FROM "console_sessions" WHERE "id_hash" = :idHash`;
const DELETE_IDLE_SESSIONS = `DELETE FROM "console_sessions" WHERE "last_seen_at" <= :idleSince`;

// Every query on the console_sessions table.
@Injectable()
export class ConsoleSessionRepository {
  async findLive(manager: EntityManager, idHash: string, idleSince: string): Promise<StoredSession | undefined> {
    const [row] = await selectRows<{ token_name: string; csrf_token: string; last_seen_at: string; role: TokenRole }>(
      manager,
      LIVE_SESSION,
      { idHash, idleSince },
    );
    return (
      row && { tokenName: row.token_name, role: row.role, csrfToken: row.csrf_token, lastSeenAt: row.last_seen_at }
    );
  }

  async insert(
    manager: EntityManager,
    session: { idHash: string; tokenName: string; csrfToken: string; now: string },
  ): Promise<void> {
    await executeWrite(manager, INSERT_SESSION, session);
  }

  async touch(manager: EntityManager, idHash: string, now: string): Promise<void> {
    await executeWrite(manager, TOUCH_SESSION, { idHash, now });
  }

  async delete(manager: EntityManager, idHash: string): Promise<void> {
    await executeWrite(manager, DELETE_SESSION, { idHash });
  }

  async deleteIdle(manager: EntityManager, idleSince: string): Promise<void> {
    await executeWrite(manager, DELETE_IDLE_SESSIONS, { idleSince });
  }
}
