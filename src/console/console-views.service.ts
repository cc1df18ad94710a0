import { Injectable } from '@nestjs/common';
import { DomainError } from '../common/domain-error.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuditHeadView } from '../audit/audit-report.view.js';
import { HistoryFeedService, type FeedEventView } from '../history/history-feed.service.js';
import type { HistoryEventView } from '../history/history-event.view.js';
import type { ItemDetailView } from '../items/item.view.js';
import { ItemHistoryService } from '../items/item-history.service.js';
import { ItemsService } from '../items/items.service.js';
import type { MeetingView } from '../meetings/meeting.view.js';
import { MeetingsService } from '../meetings/meetings.service.js';
import { PartiesService } from '../parties/parties.service.js';
import type { PartyView } from '../parties/party.view.js';
import type { StateCounts } from '../reports/status-report.view.js';
import type { WorkflowState } from '../workflow/workflow.definition.js';

export interface DashboardData {
  readonly counts: StateCounts;
  readonly latest: readonly FeedEventView[];
  readonly meetings: readonly MeetingView[];
  readonly head: AuditHeadView;
}

export interface ItemPageData {
  readonly item: ItemDetailView;
  // One page of its events, oldest first, and where the pages before and after it start.
  readonly history: readonly HistoryEventView[];
  readonly earlierAfter: number | null;
  readonly laterAfter: number | null;
  readonly meetings: readonly MeetingView[];
  readonly parties: readonly PartyView[];
}

// One event of an item, for the pages that correct or retract it.
export interface EventPageData {
  readonly item: ItemDetailView;
  readonly event: HistoryEventView;
  readonly meetings: readonly MeetingView[];
  readonly parties: readonly PartyView[];
}

export interface MeetingPageData {
  readonly meeting: MeetingView;
  readonly decisions: readonly FeedEventView[];
  // What the outcome editor's lists offer.
  readonly items: readonly ItemChoice[];
  readonly parties: readonly PartyView[];
}

// An item as the outcome editor offers it.
export interface ItemChoice {
  readonly slug: string;
  readonly title: string;
  readonly state: WorkflowState;
  readonly category: string;
  readonly proposedBy: string;
}

const LATEST_CHANGES = 10;
const CHOICES_PAGE = 200;
// The editor lists at most this many items; beyond it, a slug is typed (and "did you mean" helps).
const MAX_CHOICES = 2000;
const DASHBOARD_MEETINGS = 5;
const TIMELINE_EVENTS = 100;

// What each console page shows, gathered from the same services the API answers from.
@Injectable()
export class ConsoleViewsService {
  constructor(
    private readonly items: ItemsService,
    private readonly history: ItemHistoryService,
    private readonly feed: HistoryFeedService,
    private readonly meetings: MeetingsService,
    private readonly parties: PartiesService,
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

  // The timeline shows one page of events: by default the newest (an event's seq is the version
  // it made, so the page after version - size ends with the newest).
  async itemPage(slug: string, after?: number): Promise<ItemPageData> {
    const item = await this.items.findOne(slug);
    const start = after ?? Math.max(0, item.version - TIMELINE_EVENTS);
    const [history, meetings, parties] = await Promise.all([
      this.history.itemHistory(item.id, { after: start, limit: TIMELINE_EVENTS }),
      this.meetings.list(),
      this.parties.list(),
    ]);
    const last = history.data.at(-1)?.seq;
    return {
      item,
      history: history.data,
      earlierAfter: start > 0 ? Math.max(0, start - TIMELINE_EVENTS) : null,
      laterAfter: history.next !== null && last !== undefined ? last : null,
      meetings: meetings.data,
      parties: parties.data,
    };
  }

  async eventPage(slug: string, seq: number): Promise<EventPageData> {
    const item = await this.items.findOne(slug);
    const [history, meetings, parties] = await Promise.all([
      this.history.itemHistory(item.id, { after: seq - 1, limit: 1 }),
      this.meetings.list(),
      this.parties.list(),
    ]);
    const event = history.data.at(0);
    if (event?.seq !== seq) {
      throw new DomainError('event_not_found', `“${item.title}” has no event ${seq}.`);
    }
    return { item, event, meetings: meetings.data, parties: parties.data };
  }

  // Every item, by title, for the outcome editor's lists.
  async itemChoices(): Promise<ItemChoice[]> {
    const choices: ItemChoice[] = [];
    for (let offset = 0; offset < MAX_CHOICES; offset += CHOICES_PAGE) {
      // Unfiltered, so no per-person limit applies: the client is only named.
      const page = await this.items.list({ limit: CHOICES_PAGE, offset }, 'console');
      choices.push(
        ...page.data.map(({ slug, title, state, category, proposedBy }) => ({
          slug,
          title,
          state,
          category,
          proposedBy,
        })),
      );
      if (offset + CHOICES_PAGE >= page.total) {
        break;
      }
    }
    return choices.sort((a, b) => a.title.localeCompare(b.title));
  }

  async partyList(): Promise<PartyView[]> {
    return (await this.parties.list()).data;
  }

  // A party as people know it, for what a page says after a write.
  async partyName(slug: string): Promise<string> {
    return (await this.partyList()).find((party) => party.slug === slug)?.name ?? slug;
  }

  async meetingPage(slug: string): Promise<MeetingPageData> {
    const meeting = await this.meetings.findOne(slug);
    const [decisions, items, parties] = await Promise.all([
      this.feed.ofMeeting(meeting.id),
      this.itemChoices(),
      this.parties.list(),
    ]);
    return { meeting, decisions, items, parties: parties.data };
  }
}
