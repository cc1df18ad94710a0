import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { selectRows } from '../database/sql.js';

// How many events a report's window would read, counted from an index before anything is built:
// IDX_history_events_effective_on for a window of effect dates, IDX_history_events_recorded_at for
// a span of recording instants.
const EVENTS_EFFECTIVE_BETWEEN = `SELECT COUNT(*) AS "events" FROM "history_events"
  WHERE "effective_on" >= :from AND "effective_on" <= :to`;
const EVENTS_RECORDED_BETWEEN = `SELECT COUNT(*) AS "events" FROM "history_events"
  WHERE "recorded_at" > :from AND "recorded_at" <= :to`;

// The report read models that size a question before it is answered.
@Injectable()
export class ReportReadRepository {
  async eventsEffectiveBetween(manager: EntityManager, from: string, to: string): Promise<number> {
    return count(await selectRows<{ events: number | string }>(manager, EVENTS_EFFECTIVE_BETWEEN, { from, to }));
  }

  async eventsRecordedBetween(manager: EntityManager, from: string, to: string): Promise<number> {
    return count(await selectRows<{ events: number | string }>(manager, EVENTS_RECORDED_BETWEEN, { from, to }));
  }
}

function count(rows: readonly { events: number | string }[]): number {
  return Number(rows[0]?.events ?? 0);
}
