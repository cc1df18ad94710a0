import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { AuditHeadView } from '../audit/audit-report.view.js';
import { HistoryFeedService, type FeedEventView } from '../history/history-feed.service.js';
import type { HistoryEventView } from '../history/history-event.view.js';
import type { ItemDetailView } from '../items/item.view.js';
import { ItemHistoryService } from '../items/item-history.service.js';
import { ItemsService } from '../items/items.service.js';
import type { MeetingView } from '../meetings/meeting.view.js';
import { MeetingsService } from '../meetings/meetings.service.js';
import type { StateCounts } from '../reports/status-report.view.js';

export interface DashboardData {
  readonly counts: StateCounts;
  readonly latest: readonly FeedEventView[];
  readonly meetings: readonly MeetingView[];
  readonly head: AuditHeadView;
}

export interface ItemPageData {
  readonly item: ItemDetailView;
  readonly history: readonly HistoryEventView[];
  readonly meetings: readonly MeetingView[];
}

export interface MeetingPageData {
  readonly meeting: MeetingView;
  readonly decisions: readonly FeedEventView[];
}

const LATEST_CHANGES = 10;
const DASHBOARD_MEETINGS = 5;

// What each console page shows, gathered from the same services the API answers from.
@Injectable()
export class ConsoleViewsService {
  constructor(
    private readonly items: ItemsService,
    private readonly history: ItemHistoryService,
    private readonly feed: HistoryFeedService,
    private readonly meetings: MeetingsService,
    private readonly audit: AuditService,
  ) {}

  async dashboard(): Promise<DashboardData> {
    const [counts, latest, meetings, head] = await Promise.all([
      this.items.countByState(),
      this.feed.latest(LATEST_CHANGES),
      this.meetings.list(),
      this.audit.head(),
    ]);
    return { counts, latest, meetings: meetings.data.slice(0, DASHBOARD_MEETINGS), head };
  }

  async itemPage(slug: string): Promise<ItemPageData> {
    const item = await this.items.findOne(slug);
    const [history, meetings] = await Promise.all([this.history.itemHistory(item.id), this.meetings.list()]);
    return { item, history: history.data, meetings: meetings.data };
  }

  async meetingPage(slug: string): Promise<MeetingPageData> {
    const meeting = await this.meetings.findOne(slug);
    return { meeting, decisions: await this.feed.ofMeeting(meeting.id) };
  }
}
