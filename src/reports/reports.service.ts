import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { dayBefore, todayUtc } from '../common/calendar-date.js';
import { DomainError } from '../common/domain-error.js';
import type { ChangesReport } from './changes-report.view.js';
import { countsTimeline } from './counts-timeline.js';
import type { ChangesReportQuery } from './dto/changes-report.query.js';
import type { StatusReportQuery } from './dto/status-report.query.js';
import { reportScope, type ReportScope } from './report-scope.js';
import { ScopedHistory } from './scoped-history.js';
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
    const states = await history.statesAsOf(asOf);
    return {
      asOf,
      ...(await scopeView(scope, history)),
      counts: countByState(states),
      items: states.map(({ slug, title, category, proposedBy, state, since, lastReason }) => ({
        slug,
        title,
        category,
        proposedBy,
        state,
        since,
        lastReason,
      })),
    };
  }

  async changes(query: ChangesReportQuery): Promise<ChangesReport> {
    const from = query.from;
    const to = query.to ?? todayUtc();
    if (from > to) {
      throw DomainError.validation([{ field: 'from', message: `must not be after to (${to})` }]);
    }
    const scope = reportScope(query);
    const history = await ScopedHistory.open(this.dataSource.manager, scope);
    const countsBefore = countByState(await history.statesAsOf(dayBefore(from)));
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
      transitions: events.flatMap(({ item, action, fromState, ...change }) =>
        action === 'transitioned' && fromState ? [{ item: item.slug, title: item.title, fromState, ...change }] : [],
      ),
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
