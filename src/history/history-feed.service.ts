import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { findMeetingByKey } from '../meetings/meeting-lookup.js';
import { presentHistoryEvent } from './history-event.presenter.js';
import type { HistoryEventView } from './history-event.view.js';
import { HistoryFeedRepository, type FeedEventRow } from './history-feed.repository.js';

export interface FeedEventView extends HistoryEventView {
  readonly title: string;
}

@Injectable()
export class HistoryFeedService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly feed: HistoryFeedRepository,
  ) {}

  // The newest changes recorded, any item.
  async latest(limit: number): Promise<FeedEventView[]> {
    return (await this.feed.latest(limit)).map(presentFeedEvent);
  }

  // What a meeting decided: every event linked to it, in the order recorded.
  async ofMeeting(meetingKey: string): Promise<FeedEventView[]> {
    const meeting = await findMeetingByKey(this.dataSource.manager, meetingKey);
    return (await this.feed.ofMeeting(meeting.id)).map(presentFeedEvent);
  }
}

function presentFeedEvent(row: FeedEventRow): FeedEventView {
  return { ...presentHistoryEvent(row), title: row.item_title };
}
