import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { presentHistoryEvent } from './history-event.presenter.js';
import type { HistoryEventView } from './history-event.view.js';
import { FeedRepository, type ActivityFilter, type FeedEventRow } from './feed.repository.js';

export interface ActivityPage {
  readonly events: readonly FeedEventView[];
  // Where the next (older) page starts, or null on the last page.
  readonly before: number | null;
}

export interface FeedEventView extends HistoryEventView {
  readonly title: string;
}

@Injectable()
export class HistoryFeedService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: FeedRepository,
  ) {}

  // The newest changes recorded, any item.
  async latest(limit: number): Promise<FeedEventView[]> {
    return (await this.events.latestEvents(this.dataSource.manager, limit)).map(presentFeedEvent);
  }

  // The activity log: every event, newest first, a page at a time.
  async activity(filter: ActivityFilter, limit: number): Promise<ActivityPage> {
    const rows = await this.events.activity(this.dataSource.manager, filter, limit + 1);
    const events = rows.slice(0, limit).map(presentFeedEvent);
    const last = events.at(-1);
    return { events, before: rows.length > limit && last ? last.id : null };
  }

  // What a meeting decided: every event linked to it, in the order recorded.
  async ofMeeting(meetingId: string): Promise<FeedEventView[]> {
    return (await this.events.eventsOfMeeting(this.dataSource.manager, meetingId)).map(presentFeedEvent);
  }
}

function presentFeedEvent(row: FeedEventRow): FeedEventView {
  return { ...presentHistoryEvent(row), title: row.item_title };
}
