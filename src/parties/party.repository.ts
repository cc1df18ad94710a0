import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError } from '../common/domain-error.js';
import { isPrintable } from '../common/validators.js';
import { insertUnique } from '../database/insert-unique.js';
import { selectRows } from '../database/sql.js';
import { PartyEntity } from './party.entity.js';

interface PartyRow {
  id: string;
  slug: string;
  name: string;
  kind: PartyEntity['kind'];
  created_at: string;
}

const COLUMNS = `"id", "slug", "name", "kind", "created_at"`;
const PARTY_BY_KEY = `SELECT ${COLUMNS} FROM "parties" WHERE "id" = :key OR "slug" = :key`;
// Byte order on both databases, so that lists and report columns come back the same.
const ALL_PARTIES = (postgres: boolean, knownAt: boolean) =>
  `SELECT ${COLUMNS} FROM "parties"${knownAt ? ' WHERE "created_at" <= :knownAt' : ''} ORDER BY "slug"${postgres ? ' COLLATE "C"' : ''}`;

// Every query on the parties table.
@Injectable()
export class PartyRepository {
  // By id or slug; undefined when there is none.
  async findByKey(manager: EntityManager, key: string): Promise<PartyEntity | undefined> {
    const row = isPrintable(key) ? (await selectRows<PartyRow>(manager, PARTY_BY_KEY, { key })).at(0) : undefined;
    return row && fromRow(row);
  }

  // Each party found under its id and its slug.
  async findManyByKeys(manager: EntityManager, keys: readonly string[]): Promise<Map<string, PartyEntity>> {
    if (keys.length === 0) {
      return new Map();
    }
    const [sql, parameters] = manager.dataSource.driver.escapeQueryWithParameters(
      `SELECT ${COLUMNS} FROM "parties" WHERE "id" IN (:...keys) OR "slug" IN (:...keys)`,
      { keys },
    );
    const parties = (await manager.query<PartyRow[]>(sql, parameters)).map(fromRow);
    return new Map(parties.flatMap((party) => [[party.id, party] as const, [party.slug, party] as const]));
  }

  // A new party; a slug that is taken (found first, or caught by the unique index) is refused.
  insert(manager: EntityManager, party: PartyEntity): Promise<void> {
    return insertUnique(manager, PartyEntity, party, { slug: party.slug }, () => slugTaken(party.slug));
  }

  // In slug order; with knownAt, only the parties recorded by then.
  async all(manager: EntityManager, knownAt?: string): Promise<PartyEntity[]> {
    const postgres = manager.dataSource.options.type === 'postgres';
    const rows = await selectRows<PartyRow>(manager, ALL_PARTIES(postgres, knownAt !== undefined), { knownAt });
    return rows.map(fromRow);
  }
}

function fromRow(row: PartyRow): PartyEntity {
  return { id: row.id, slug: row.slug, name: row.name, kind: row.kind, createdAt: row.created_at };
}

function slugTaken(slug: string): DomainError {
  return new DomainError('slug_taken', `The party slug "${slug}" is already taken.`, { slug });
}
