import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AssessmentRepository } from '../history/assessment.repository.js';
import { EditionRepository } from '../editions/edition.repository.js';
import { compareCompliance, complianceMatrix, type ComplianceRow } from './compliance-matrix.js';
import type { ComplianceReport } from './compliance-report.view.js';
import type { ComplianceReportQuery } from './dto/compliance-report.query.js';
import type { EditionQuery, EditionReportKind } from './dto/edition-query.js';
import { dayBefore, nowIso, todayUtc } from '../common/calendar-date.js';
import { toStoredInstant } from '../common/instant.js';
import { DomainError } from '../common/domain-error.js';
import type { ChangeView, ChangesReport, PositionChangeEventView } from './changes-report.view.js';
import { PositionRepository, type PositionEvent } from '../history/position.repository.js';
import { PartyRepository } from '../parties/party.repository.js';
import { isDivergent } from '../positions/consensus.js';
import type { PositionsReportQuery } from './dto/positions-report.query.js';
import { positionsMatrix } from './positions-matrix.js';
import type { PositionsReport } from './positions-report.view.js';
import { countsTimeline } from './counts-timeline.js';
import type { ChangesReportQuery } from './dto/changes-report.query.js';
import type { ReportScopeQuery } from './dto/report-scope.query.js';
import type { StatusReportQuery } from './dto/status-report.query.js';
import { HistoryRepository } from '../history/history.repository.js';
import { ItemRepository } from '../items/item.repository.js';
import { REPORT_FORMATS, type ReportFormat } from './report-format.js';
import { RenderedReportCache } from './rendered-report-cache.js';
import { ReportBuildQueue } from './report-build-queue.js';
import {
  renderChangesReport,
  renderComplianceReport,
  renderPositionsReport,
  renderRevisionsReport,
  renderStatusReport,
} from './render/render-report.js';
import type { RevisionsReportQuery } from './dto/revisions-report.query.js';
import { applyChanges, type ItemDescription } from './item-description.js';
import { itemRevision } from './revisions.js';
import type { RevisionDifference, RevisionsReport } from './revisions-report.view.js';
import { reportScope, type ReportScope } from './report-scope.js';
import { ScopedHistory, type ReportSource, type StateEvent } from './scoped-history.js';
import { countByState } from './state-counts.js';
import type { ReportScopeView, StatusReport } from './status-report.view.js';

// Enough for an analyst's usual questions in every format; a year's changes as HTML is the largest.
const CACHED_REPORTS = 32;
const CACHED_BYTES = 64 * 1024 * 1024;

// Both reports are rebuilt from the history events, never from the items' current state, and
// served as encoded text: the same bytes for the API and the command line.
@Injectable()
export class ReportsService {
  private readonly rendered = new RenderedReportCache(CACHED_REPORTS, CACHED_BYTES);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly builds: ReportBuildQueue,
    private readonly events: HistoryRepository,
    private readonly items: ItemRepository,
    private readonly parties: PartyRepository,
    private readonly positions: PositionRepository,
    private readonly assessments: AssessmentRepository,
    private readonly editions: EditionRepository,
  ) {}

  async statusDocument(query: StatusReportQuery, format: ReportFormat): Promise<Buffer> {
    const asOf = query.asOf ?? todayUtc();
    return this.rendered.get(await this.cacheKey('status', format, asOf, query), () =>
      this.builds.run(async () => Buffer.from(renderStatusReport(await this.status(asOf, query), format))),
    );
  }

  async changesDocument(query: ChangesReportQuery, format: ReportFormat): Promise<Buffer> {
    const to = query.to ?? todayUtc();
    if (query.from > to) {
      throw DomainError.validation([{ field: 'from', message: `must not be after to (${to})` }]);
    }
    return this.rendered.get(await this.cacheKey('changes', format, `${query.from}..${to}`, query), () =>
      this.builds.run(async () => Buffer.from(renderChangesReport(await this.changes(query.from, to, query), format))),
    );
  }

  async positionsDocument(query: PositionsReportQuery, format: ReportFormat): Promise<Buffer> {
    const asOf = query.asOf ?? todayUtc();
    const divergent = query.divergent === 'true';
    const days = `${asOf}${divergent ? ' divergent' : ''}`;
    return this.rendered.get(await this.cacheKey('positions', format, days, query), () =>
      this.builds.run(async () =>
        Buffer.from(renderPositionsReport(await this.positionsReport(asOf, divergent, query), format)),
      ),
    );
  }

  async complianceDocument(query: ComplianceReportQuery, format: ReportFormat): Promise<Buffer> {
    const asOf = query.asOf ?? todayUtc();
    const days = `${asOf} ${query.parties ?? '*'} ${query.compareTo ?? ''}`;
    return this.rendered.get(await this.cacheKey('compliance', format, days, query), () =>
      this.builds.run(async () =>
        Buffer.from(renderComplianceReport(await this.compliance(asOf, query, this.dataSource.manager), format)),
      ),
    );
  }

  // A report for an edition, in every format, read through `manager` (the publishing transaction,
  // so that it is built from exactly the events up to the head read in it).
  async renderAll(
    kind: EditionReportKind,
    query: EditionQuery,
    manager: EntityManager,
  ): Promise<Record<ReportFormat, string>> {
    const asOf = query.asOf ?? todayUtc();
    const render = <R>(report: R, renderer: (report: R, format: ReportFormat) => string) =>
      Object.fromEntries(REPORT_FORMATS.map((format) => [format, renderer(report, format)])) as Record<
        ReportFormat,
        string
      >;
    switch (kind) {
      case 'status':
        return render(await this.status(asOf, query, manager), renderStatusReport);
      case 'positions':
        return render(
          await this.positionsReport(asOf, query.divergent === 'true', query, manager),
          renderPositionsReport,
        );
      case 'changes': {
        const to = query.to ?? todayUtc();
        if (query.from === undefined || query.from > to) {
          throw DomainError.validation([{ field: 'query.from', message: `must be a day not after to (${to})` }]);
        }
        return render(await this.changes(query.from, to, query, manager), renderChangesReport);
      }
      case 'compliance':
        return render(await this.compliance(asOf, query, manager), renderComplianceReport);
    }
  }

  // Items × parties: each party's standing score on asOf, as known at knownAt, with the averages;
  // with compareTo, beside the edition's.
  private async compliance(
    asOf: string,
    query: ComplianceReportQuery,
    manager: EntityManager,
  ): Promise<ComplianceReport> {
    const scope = reportScope(query);
    const history = await ScopedHistory.open(this.source(manager), scope);
    const scores = await history.assessmentsAsOf(asOf);
    const rows: ComplianceRow[] = [];
    for (const item of await history.statesByItemAsOf(asOf)) {
      const cells = scores.get(item.itemId);
      if (cells) {
        rows.push({ slug: item.slug, title: item.title, cells });
      }
    }
    const report: ComplianceReport = {
      asOf,
      ...(await scopeView(scope, history)),
      ...complianceMatrix(rows, query.parties?.split(',')),
    };
    if (query.compareTo === undefined) {
      return report;
    }
    const edition = await this.editions.findBySlug(manager, query.compareTo);
    if (edition?.report !== 'compliance') {
      throw DomainError.validation([
        { field: 'compareTo', message: `names no compliance edition ("${query.compareTo}")` },
      ]);
    }
    return compareCompliance(report, JSON.parse(edition.json) as ComplianceReport, edition.slug);
  }

  // Not cached (`to` is usually now, so the same question is rarely asked twice), but built in turn
  // with the other reports.
  async revisionsDocument(query: RevisionsReportQuery, format: ReportFormat): Promise<Buffer> {
    const from = toStoredInstant(query.from);
    const to = query.to === undefined ? nowIso() : toStoredInstant(query.to);
    if (from > to) {
      throw DomainError.validation([{ field: 'from', message: `must not be after to (${to})` }]);
    }
    const asOf = query.asOf ?? todayUtc();
    return this.builds.run(async () =>
      Buffer.from(renderRevisionsReport(await this.revisions(asOf, from, to), format)),
    );
  }

  // Only an item with an event recorded between the two instants can differ; each such item's
  // history up to `to` is compared as known at both.
  private async revisions(asOf: string, from: string, to: string): Promise<RevisionsReport> {
    const histories = await this.events.eventsOfItemsChangedBetween(this.dataSource.manager, from, to);
    const differences: RevisionDifference[] = [];
    for (const events of histories.values()) {
      let description: ItemDescription | undefined;
      for (const event of events) {
        if (event.action === 'created' || event.action === 'updated') {
          description = applyChanges(description, event.changes);
        }
      }
      const difference = description && itemRevision(description.slug, events, asOf, from, to);
      if (difference) {
        differences.push(difference);
      }
    }
    differences.sort((a, b) => (a.item < b.item ? -1 : a.item > b.item ? 1 : 0));
    return { asOf, from, to, differences };
  }

  // Everything a report depends on; the newest event stands for the whole history before it.
  private async cacheKey(report: string, format: ReportFormat, days: string, query: ReportScopeQuery) {
    const newest = await this.events.newest(this.dataSource.manager);
    const scope = reportScope(query);
    return JSON.stringify([report, format, days, scope.knownAt, scope.category, scope.proposedBy, newest]);
  }

  // Reports read outside any transaction, each query seeing what is committed.
  private source(manager = this.dataSource.manager): ReportSource {
    return {
      manager,
      events: this.events,
      items: this.items,
      positions: this.positions,
      assessments: this.assessments,
    };
  }

  private async status(
    asOf: string,
    query: StatusReportQuery,
    manager = this.dataSource.manager,
  ): Promise<StatusReport> {
    const scope = reportScope(query);
    const history = await ScopedHistory.open(this.source(manager), scope);
    const items = await history.statesAsOf(asOf);
    return { asOf, ...(await scopeView(scope, history)), counts: countByState(items), items };
  }

  // Items × parties as of a day: each item's state and each party's latest position effective by
  // then, all as recorded by knownAt.
  private async positionsReport(
    asOf: string,
    divergent: boolean,
    query: PositionsReportQuery,
    manager = this.dataSource.manager,
  ): Promise<PositionsReport> {
    const scope = reportScope(query);
    const history = await ScopedHistory.open(this.source(manager), scope);
    const parties = await this.parties.all(manager, scope.knownAt);
    const positions = await history.positionsAsOf(parties, asOf);
    const items = positionsMatrix(await history.statesByItemAsOf(asOf), parties, positions);
    return {
      asOf,
      ...(await scopeView(scope, history)),
      divergent,
      parties: parties.map((party) => party.slug),
      items: divergent
        ? items.filter((item) => isDivergent(Object.values(item.positions).map((cell) => cell?.stance)))
        : items,
    };
  }

  private async changes(
    from: string,
    to: string,
    query: ReportScopeQuery,
    manager = this.dataSource.manager,
  ): Promise<ChangesReport> {
    const scope = reportScope(query);
    const history = await ScopedHistory.open(this.source(manager), scope);
    const countsBefore = await history.countsAsOf(dayBefore(from));
    const events = await history.stateEventsBetween(from, to);
    // The window's changes replayed on the day before it give the status on `to` without
    // rebuilding it a second time.
    const timeline = countsTimeline(countsBefore, events);
    const positions = await history.positionEventsBetween(from, to);
    return {
      from,
      to,
      ...(await scopeView(scope, history)),
      countsBefore,
      countsAfter: timeline.countsAfter,
      transitions: presentTransitions(events, history),
      positions: presentPositionChanges(positions, history),
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

// The positions of a window whose items the report covers, with their items' slugs and titles.
// Field by field, in the order the report has always listed them.
function presentPositionChanges(events: readonly PositionEvent[], history: ScopedHistory): PositionChangeEventView[] {
  const changes: PositionChangeEventView[] = [];
  for (const event of events) {
    const item = history.describe(event.itemId);
    if (item) {
      changes.push({
        item: item.slug,
        title: item.title,
        party: event.party,
        effectiveOn: event.effectiveOn,
        statement: event.statement,
        meeting: event.meeting,
        source: event.source,
        actor: event.actor,
        recordedAt: event.recordedAt,
        fromStance: event.fromStance,
        toStance: event.toStance,
      });
    }
  }
  return changes;
}
