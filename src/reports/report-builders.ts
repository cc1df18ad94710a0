import { dayBefore } from '../common/calendar-date.js';
import { DomainError } from '../common/domain-error.js';
import type { EditionRepository } from '../editions/edition.repository.js';
import type { PositionEvent } from '../history/position.repository.js';
import type { PartyRepository } from '../parties/party.repository.js';
import { isDivergent } from '../positions/consensus.js';
import type { ChangeView, ChangesReport, PositionChangeEventView } from './changes-report.view.js';
import { compareCompliance, complianceMatrix, type ComplianceRow } from './compliance-matrix.js';
import type { ComplianceReport } from './compliance-report.view.js';
import { countsTimeline } from './counts-timeline.js';
import { applyChanges, type ItemDescription } from './item-description.js';
import { positionsMatrix } from './positions-matrix.js';
import type { PositionsReport } from './positions-report.view.js';
import type { ReportScope } from './report-scope.js';
import { itemRevision } from './revisions.js';
import type { RevisionDifference, RevisionsReport } from './revisions-report.view.js';
import { ScopedHistory, type ReportSource, type StateEvent } from './scoped-history.js';
import { countByState } from './state-counts.js';
import type { ReportScopeView, StatusReport } from './status-report.view.js';

// Everything a report is built from: the read models, on a connection of the builder's own.
export interface ReportReaders extends ReportSource {
  readonly parties: PartyRepository;
  readonly editions: EditionRepository;
  // The most events one report may read; a larger question is refused before it is built.
  readonly maxEvents: number;
}

// The questions, as plain data: they cross to a worker thread.
export interface StatusParams {
  readonly asOf: string;
  readonly scope: ReportScope;
}
export interface PositionsParams extends StatusParams {
  readonly divergent: boolean;
}
export interface ChangesParams {
  readonly from: string;
  readonly to: string;
  readonly scope: ReportScope;
}
export interface ComplianceParams extends StatusParams {
  // The columns and their order (slugs); all parties with a score in scope when absent.
  readonly parties?: readonly string[];
  // A compliance edition to compare with.
  readonly compareTo?: string;
}
export interface RevisionsParams {
  readonly asOf: string;
  readonly from: string;
  readonly to: string;
}

export async function buildStatus(readers: ReportReaders, { asOf, scope }: StatusParams): Promise<StatusReport> {
  const history = await ScopedHistory.open(readers, scope);
  const items = await history.statesAsOf(asOf);
  return { asOf, ...(await scopeView(scope, history)), counts: countByState(items), items };
}

// Items × parties as of a day: each item's state and each party's latest position effective by
// then, all as recorded by knownAt.
export async function buildPositions(
  readers: ReportReaders,
  { asOf, scope, divergent }: PositionsParams,
): Promise<PositionsReport> {
  const history = await ScopedHistory.open(readers, scope);
  const parties = await readers.parties.all(readers.manager, scope.knownAt);
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

// Items × parties: each party's standing score on asOf, as known at knownAt, with the averages;
// with compareTo, beside the edition's.
export async function buildCompliance(
  readers: ReportReaders,
  { asOf, scope, parties, compareTo }: ComplianceParams,
): Promise<ComplianceReport> {
  const history = await ScopedHistory.open(readers, scope);
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
    ...complianceMatrix(rows, parties),
  };
  if (compareTo === undefined) {
    return report;
  }
  const edition = await readers.editions.findBySlug(readers.manager, compareTo);
  if (edition?.report !== 'compliance') {
    throw DomainError.validation([{ field: 'compareTo', message: `names no compliance edition ("${compareTo}")` }]);
  }
  return compareCompliance(report, JSON.parse(edition.json) as ComplianceReport, edition.slug);
}

export async function buildChanges(readers: ReportReaders, { from, to, scope }: ChangesParams): Promise<ChangesReport> {
  const events = await readers.reads.eventsEffectiveBetween(readers.manager, from, to);
  if (events > readers.maxEvents) {
    throw tooLarge(
      `${events} events took effect from ${from} to ${to}; one report reads at most ${readers.maxEvents}. ` +
        'Ask for a shorter window (from, to), or narrow it to a category or proposedBy.',
    );
  }
  const history = await ScopedHistory.open(readers, scope);
  const countsBefore = await history.countsAsOf(dayBefore(from));
  const stateEvents = await history.stateEventsBetween(from, to);
  // The window's changes replayed on the day before it give the status on `to` without
  // rebuilding it a second time.
  const timeline = countsTimeline(countsBefore, stateEvents);
  const positions = await history.positionEventsBetween(from, to);
  return {
    from,
    to,
    ...(await scopeView(scope, history)),
    countsBefore,
    countsAfter: timeline.countsAfter,
    transitions: presentTransitions(stateEvents, history),
    positions: presentPositionChanges(positions, history),
    timeline: timeline.points,
  };
}

// Only an item with an event recorded between the two instants can differ; each such item's
// history up to `to` is compared as known at both.
export async function buildRevisions(
  readers: ReportReaders,
  { asOf, from, to }: RevisionsParams,
): Promise<RevisionsReport> {
  const recorded = await readers.reads.eventsRecordedBetween(readers.manager, from, to);
  if (recorded > readers.maxEvents) {
    throw tooLarge(
      `${recorded} events were recorded from ${from} to ${to}; one report compares at most ${readers.maxEvents}. ` +
        'Ask for a later from (or an earlier to).',
    );
  }
  const histories = await readers.reads.eventsOfItemsChangedBetween(readers.manager, from, to);
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

export function tooLarge(message: string): DomainError<'report_too_large'> {
  return new DomainError('report_too_large', message);
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
