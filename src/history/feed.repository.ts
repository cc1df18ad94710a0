import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { dayAfter } from '../common/calendar-date.js';
import { selectRows } from '../database/sql.js';
import type { HistoryEventRow } from './history-event.presenter.js';
import type { EventAction } from './history-event.types.js';

// What the activity log is narrowed to; dates are the days events were recorded (UTC).
export interface ActivityFilter {
  readonly actor?: string;
  readonly item?: string;
  readonly meeting?: string;
  readonly action?: EventAction;
  readonly from?: string;
  readonly to?: string;
  readonly before?: number;
}

// An event with its item's slug and title.
export interface FeedEventRow extends HistoryEventRow {
  readonly item_title: string;
}

// Events across items with their items' slugs and titles, for the console's overviews.
const FEED_EVENTS = `
  SELECT e."id", e."seq", e."action", e."from_state", e."to_state", e."changes", e."reason",
         e."effective_on", e."source", e."batch_id", e."actor", e."recorded_at", e."hash",
         i."slug" AS "item_slug", i."title" AS "item_title", m."slug" AS "meeting_slug"
  FROM "history_events" e
  JOIN "items" i ON i."id" = e."item_id"
  LEFT JOIN "meetings" m ON m."id" = e."meeting_id"`;
// Newest first, by the primary key: one short index walk whatever the history's length.
const LATEST_EVENTS = `${FEED_EVENTS} ORDER BY e."id" DESC LIMIT :limit`;
const MEETING_EVENTS = `${FEED_EVENTS} WHERE e."meeting_id" = :meetingId ORDER BY e."id" ASC`;

// Read model of the history across items, each event with its item's slug and title and its
// meeting's slug: the console's latest changes, the activity log, what a meeting decided.
@Injectable()
export class FeedRepository {
  latestEvents(manager: EntityManager, limit: number): Promise<FeedEventRow[]> {
    return selectRows(manager, LATEST_EVENTS, { limit });
  }

  // Every event, newest first, filtered, one page before the event `before` (keyset paging by id).
  activity(manager: EntityManager, filter: ActivityFilter, limit: number): Promise<FeedEventRow[]> {
    // Only the filters given become conditions: a few fixed texts, each prepared once.
    const conditions = [
      filter.actor !== undefined && 'e."actor" = :actor',
      filter.item !== undefined && 'i."slug" = :item',
      filter.meeting !== undefined && 'm."slug" = :meeting',
      filter.action !== undefined && 'e."action" = :action',
      filter.from !== undefined && 'e."recorded_at" >= :from',
      filter.to !== undefined && 'e."recorded_at" < :dayAfterTo',
      filter.before !== undefined && 'e."id" < :before',
    ].filter((condition) => condition !== false);
    const where = conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '';
    return selectRows(manager, `${FEED_EVENTS}${where} ORDER BY e."id" DESC LIMIT :limit`, {
      ...filter,
      dayAfterTo: filter.to === undefined ? undefined : dayAfter(filter.to),
      limit,
    });
  }

  eventsOfMeeting(manager: EntityManager, meetingId: string): Promise<FeedEventRow[]> {
    return selectRows(manager, MEETING_EVENTS, { meetingId });
  }
}
