import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { executeWrite, selectRows } from '../database/sql.js';
import type { PartyEntity } from './party.entity.js';

interface PartyRow {
  id: string;
  slug: string;
  name: string;
  kind: PartyEntity['kind'];
  created_at: string;
}

const COLUMNS = `"id", "slug", "name", "kind", "created_at"`;
const PARTY_BY_KEY = `SELECT ${COLUMNS} FROM "parties" WHERE "id" = :key OR "slug" = :key`;
const PARTY_SLUG_TAKEN = `SELECT 1 AS "taken" FROM "parties" WHERE "slug" = :slug`;
const INSERT_PARTY = `INSERT INTO "parties" (${COLUMNS}) VALUES (:id, :slug, :name, :kind, :createdAt)`;
// Byte order on both databases, so that lists and report columns come back the same.
const ALL_PARTIES = (postgres: boolean) =>
  `SELECT ${COLUMNS} FROM "parties" ORDER BY "slug"${postgres ? ' COLLATE "C"' : ''}`;
const PARTIES_KNOWN_AT = (postgres: boolean) =>
  `SELECT ${COLUMNS} FROM "parties" WHERE "created_at" <= :knownAt ORDER BY "slug"${postgres ? ' COLLATE "C"' : ''}`;

// The parties table: every statement that reads or writes it.
@Injectable()
export class PartiesRepository {
  async findByKey(manager: EntityManager, key: string): Promise<PartyEntity | undefined> {
    const [row] = await selectRows<PartyRow>(manager, PARTY_BY_KEY, { key });
    return row && fromRow(row);
  }

  // Each party found under its id and its slug.
  async byKeys(manager: EntityManager, keys: readonly string[]): Promise<Map<string, PartyEntity>> {
    if (keys.length === 0) {
      return new Map();
    }
    const [sql, parameters] = manager.connection.driver.escapeQueryWithParameters(
      `SELECT ${COLUMNS} FROM "parties" WHERE "id" IN (:...keys) OR "slug" IN (:...keys)`,
      { keys },
    );
    const parties = (await manager.query<PartyRow[]>(sql, parameters)).map(fromRow);
    return new Map(parties.flatMap((party) => [[party.id, party] as const, [party.slug, party] as const]));
  }

  async slugTaken(manager: EntityManager, slug: string): Promise<boolean> {
    return (await selectRows(manager, PARTY_SLUG_TAKEN, { slug })).length > 0;
  }

  async insert(manager: EntityManager, party: PartyEntity): Promise<void> {
    await executeWrite(manager, INSERT_PARTY, { ...party });
  }

  // In slug order; with knownAt, only the parties recorded by then.
  async list(manager: EntityManager, knownAt?: string): Promise<PartyEntity[]> {
    const postgres = manager.connection.options.type === 'postgres';
    const rows = knownAt
      ? await selectRows<PartyRow>(manager, PARTIES_KNOWN_AT(postgres), { knownAt })
      : await selectRows<PartyRow>(manager, ALL_PARTIES(postgres));
    return rows.map(fromRow);
  }
}

function fromRow(row: PartyRow): PartyEntity {
  return { id: row.id, slug: row.slug, name: row.name, kind: row.kind, createdAt: row.created_at };
}
