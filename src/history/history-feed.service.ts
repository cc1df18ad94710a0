import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { presentHistoryEvent } from './history-event.presenter.js';
import type { HistoryEventView } from './history-event.view.js';
import { HistoryRepository, type FeedEventRow } from './history.repository.js';

export interface FeedEventView extends HistoryEventView {
  readonly title: string;
}

@Injectable()
export class HistoryFeedService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: HistoryRepository,
  ) {}

  // The newest changes recorded, any item.
  async latest(limit: number): Promise<FeedEventView[]> {
    return (await this.events.latestEvents(this.dataSource.manager, limit)).map(presentFeedEvent);
  }

  // What a meeting decided: every event linked to it, in the order recorded.
  async ofMeeting(meetingId: string): Promise<FeedEventView[]> {
    return (await this.events.eventsOfMeeting(this.dataSource.manager, meetingId)).map(presentFeedEvent);
  }
}

function presentFeedEvent(row: FeedEventRow): FeedEventView {
  return { ...presentHistoryEvent(row), title: row.item_title };
}
