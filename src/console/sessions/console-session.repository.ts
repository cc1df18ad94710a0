import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TokenRole } from '../../auth/api-token.entity.js';
import { executeWrite, selectRows } from '../../database/sql.js';

// Who a session signs in: a person's account, or an API token (programs, and the first admin).
export type SessionActorKind = 'account' | 'token';

export interface StoredSession {
  readonly kind: SessionActorKind;
  readonly actorName: string;
  readonly displayName: string | null;
  readonly role: TokenRole;
  readonly csrfToken: string;
  // What the last write did, said once on the next page.
  readonly flash: string | null;
}

// A session counts only while its account is enabled, or its token active, and while it is neither
// idle past the limit nor older than the absolute lifetime: disabling or revoking ends it at once,
// on every instance, because this runs on every console request.
const LIVE_SESSION = `
  SELECT s."actor_kind", s."actor_name", s."csrf_token", s."flash", a."display_name", COALESCE(a."role", t."role") AS "role"
  FROM "console_sessions" s
  LEFT JOIN "accounts" a
    ON s."actor_kind" = 'account' AND a."username" = s."actor_name" AND a."disabled_at" IS NULL
  LEFT JOIN "api_tokens" t
    ON s."actor_kind" = 'token' AND t."name" = s."actor_name" AND t."revoked_at" IS NULL
  WHERE s."id_hash" = :idHash AND s."last_seen_at" > :idleSince AND s."created_at" > :bornSince
    AND (a."id" IS NOT NULL OR t."id" IS NOT NULL)`;

const INSERT_SESSION = `
  INSERT INTO "console_sessions" ("id_hash", "actor_kind", "actor_name", "csrf_token", "created_at", "last_seen_at")
  VALUES (:idHash, :kind, :actorName, :csrfToken, :now, :now)`;

// The flash is said once: the request that reads it clears it.
const TOUCH_SESSION = `UPDATE "console_sessions" SET "last_seen_at" = :now, "flash" = NULL WHERE "id_hash" = :idHash`;
const SET_FLASH = `UPDATE "console_sessions" SET "flash" = :flash WHERE "id_hash" = :idHash`;
const DELETE_SESSION = `DELETE FROM "console_sessions" WHERE "id_hash" = :idHash`;
const DELETE_SESSIONS_OF = `DELETE FROM "console_sessions" WHERE "actor_kind" = :kind AND "actor_name" = :actorName AND "id_hash" <> :keep`;
const DELETE_OVER_SESSIONS = `DELETE FROM "console_sessions" WHERE "last_seen_at" <= :idleSince OR "created_at" <= :bornSince`;

// Every query on the console_sessions table.
@Injectable()
export class ConsoleSessionRepository {
  async findLive(
    manager: EntityManager,
    idHash: string,
    limits: { idleSince: string; bornSince: string },
  ): Promise<StoredSession | undefined> {
    const rows = await selectRows<{
      actor_kind: SessionActorKind;
      actor_name: string;
      csrf_token: string;
      flash: string | null;
      display_name: string | null;
      role: TokenRole;
    }>(manager, LIVE_SESSION, { idHash, ...limits });
    const row = rows.at(0);
    return (
      row && {
        kind: row.actor_kind,
        actorName: row.actor_name,
        displayName: row.display_name,
        role: row.role,
        csrfToken: row.csrf_token,
        flash: row.flash,
      }
    );
  }

  async insert(
    manager: EntityManager,
    session: { idHash: string; kind: SessionActorKind; actorName: string; csrfToken: string; now: string },
  ): Promise<void> {
    await executeWrite(manager, INSERT_SESSION, session);
  }

  async touch(manager: EntityManager, idHash: string, now: string): Promise<void> {
    await executeWrite(manager, TOUCH_SESSION, { idHash, now });
  }

  async setFlash(manager: EntityManager, idHash: string, flash: string): Promise<void> {
    await executeWrite(manager, SET_FLASH, { idHash, flash });
  }

  async delete(manager: EntityManager, idHash: string): Promise<void> {
    await executeWrite(manager, DELETE_SESSION, { idHash });
  }

  // Every session of one account or token but the one kept (empty: none kept).
  async deleteAllOf(manager: EntityManager, kind: SessionActorKind, actorName: string, keep = ''): Promise<void> {
    await executeWrite(manager, DELETE_SESSIONS_OF, { kind, actorName, keep });
  }

  async deleteOver(manager: EntityManager, limits: { idleSince: string; bornSince: string }): Promise<void> {
    await executeWrite(manager, DELETE_OVER_SESSIONS, limits);
  }
}
