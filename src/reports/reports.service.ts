import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { dayBefore, todayUtc } from '../common/calendar-date.js';
import { DomainError } from '../common/domain-error.js';
import type { ChangeView, ChangesReport } from './changes-report.view.js';
import { countsTimeline } from './counts-timeline.js';
import type { ChangesReportQuery } from './dto/changes-report.query.js';
import type { StatusReportQuery } from './dto/status-report.query.js';
import { reportScope, type ReportScope } from './report-scope.js';
import { ScopedHistory, type StateEvent } from './scoped-history.js';
import { countByState } from './state-counts.js';
import type { ReportScopeView, StatusReport } from './status-report.view.js';

// Both reports are rebuilt from the history events, never from the items' current state.
@Injectable()
export class ReportsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async status(query: StatusReportQuery): Promise<StatusReport> {
    const asOf = query.asOf ?? todayUtc();
    const scope = reportScope(query);
    const history = await ScopedHistory.open(this.dataSource.manager, scope);
    const items = await history.statesAsOf(asOf);
    return { asOf, ...(await scopeView(scope, history)), counts: countByState(items), items };
  }

  async changes(query: ChangesReportQuery): Promise<ChangesReport> {
    const from = query.from;
    const to = query.to ?? todayUtc();
    if (from > to) {
      throw DomainError.validation([{ field: 'from', message: `must not be after to (${to})` }]);
    }
    const scope = reportScope(query);
    const history = await ScopedHistory.open(this.dataSource.manager, scope);
    const countsBefore = await history.countsAsOf(dayBefore(from));
    const events = await history.stateEventsBetween(from, to);
    // The window's changes replayed on the day before it give the status on `to` without
    // rebuilding it a second time.
    const timeline = countsTimeline(countsBefore, events);
    return {
      from,
      to,
      ...(await scopeView(scope, history)),
      countsBefore,
      countsAfter: timeline.countsAfter,
      transitions: presentTransitions(events, history),
      timeline: timeline.points,
    };
  }
}

async function scopeView(scope: ReportScope, history: ScopedHistory): Promise<ReportScopeView> {
  return {
    knownAt: scope.knownAt ?? null,
    category: scope.category ?? null,
    proposedBy: scope.proposedBy ?? null,
    head: await history.head(),
  };
}

// The transitions of a window (its created events only move the counts), with their items' slugs
// and titles.
function presentTransitions(events: readonly StateEvent[], history: ScopedHistory): ChangeView[] {
  const transitions: ChangeView[] = [];
  for (const event of events) {
    const item = history.describe(event.itemId);
    if (item && event.fromState) {
      transitions.push({
        item: item.slug,
        title: item.title,
        fromState: event.fromState,
        toState: event.toState,
        effectiveOn: event.effectiveOn,
        reason: event.reason,
        meeting: event.meeting,
        source: event.source,
        actor: event.actor,
        recordedAt: event.recordedAt,
      });
    }
  }
  return transitions;
}
