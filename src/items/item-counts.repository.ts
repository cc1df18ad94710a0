import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { selectRows } from '../database/sql.js';
import type { WorkflowState } from '../workflow/workflow.definition.js';

const COUNT_BY_STATE = 'SELECT "state", COUNT(*) AS "count" FROM "items" GROUP BY "state"';

@Injectable()
export class ItemCountsRepository {
  async countByState(manager: EntityManager): Promise<{ state: WorkflowState; count: number }[]> {
    const rows = await selectRows<{ state: WorkflowState; count: number | string }>(manager, COUNT_BY_STATE);
    return rows.map(({ state, count }) => ({ state, count: Number(count) }));
  }
}
