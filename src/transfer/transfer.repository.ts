import { Injectable } from '@nestjs/common';
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { selectRows } from '../database/sql.js';
import { entityPages, hasRows, insertRows } from '../database/table-rows.js';

const CONTINUE_IDS = `SELECT setval(pg_get_serial_sequence('history_events', 'id'), MAX("id")) FROM "history_events"`;

type Row = ObjectLiteral & { id: string | number };

// The transfer's model of the tables it moves (meetings, parties, items, history events): each in
// id order, page by page; a bulk insert with every column (ids and hashes) kept; whether a table is
// empty; and the history's id sequence moved past the imported events.
@Injectable()
export class TransferRepository {
  // Text ids in byte order, so that an export is the same from either database.
  pages<T extends Row>(
    manager: EntityManager,
    entity: EntityTarget<T>,
    textIds: boolean,
    pageSize: number,
  ): AsyncGenerator<T> {
    return entityPages(manager, entity, textIds, pageSize);
  }

  insertExact<T extends ObjectLiteral>(
    manager: EntityManager,
    entity: EntityTarget<T>,
    columns: readonly string[],
    rows: readonly T[],
  ): Promise<void> {
    return insertRows(manager, entity, columns, rows);
  }

  async isEmpty(manager: EntityManager, entity: EntityTarget<ObjectLiteral>): Promise<boolean> {
    return !(await hasRows(manager, entity));
  }

  async continueIdsAfterImport(manager: EntityManager): Promise<void> {
    if (manager.dataSource.options.type === 'postgres') {
      await selectRows(manager, CONTINUE_IDS);
    }
  }
}
