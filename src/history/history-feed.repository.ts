import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { selectRows } from '../database/sql.js';
import type { HistoryEventRow } from './history-event.presenter.js';

export interface FeedEventRow extends HistoryEventRow {
  item_title: string;
}

const FEED_COLUMNS = `
  SELECT e."id", e."seq", e."action", e."from_state", e."to_state", e."changes", e."reason",
         e."effective_on", e."source", e."batch_id", e."actor", e."recorded_at", e."hash",
         i."slug" AS "item_slug", i."title" AS "item_title", m."slug" AS "meeting_slug"
  FROM "history_events" e
  JOIN "items" i ON i."id" = e."item_id"
  LEFT JOIN "meetings" m ON m."id" = e."meeting_id"`;

// Newest first, by the primary key: one short index walk whatever the history's length.
const LATEST_EVENTS = `${FEED_COLUMNS} ORDER BY e."id" DESC LIMIT :limit`;
const MEETING_EVENTS = `${FEED_COLUMNS} WHERE e."meeting_id" = :meetingId ORDER BY e."id" ASC`;

// Events across items, for the console's overviews.
@Injectable()
export class HistoryFeedRepository {
  latest(manager: EntityManager, limit: number): Promise<FeedEventRow[]> {
    return selectRows<FeedEventRow>(manager, LATEST_EVENTS, { limit });
  }

  ofMeeting(manager: EntityManager, meetingId: string): Promise<FeedEventRow[]> {
    return selectRows<FeedEventRow>(manager, MEETING_EVENTS, { meetingId });
  }
}
