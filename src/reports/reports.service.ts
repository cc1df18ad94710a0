import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { nowIso, todayUtc } from '../common/calendar-date.js';
import { toStoredInstant } from '../common/instant.js';
import { DomainError } from '../common/domain-error.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { HistoryRepository } from '../history/history.repository.js';
import { PartyRepository } from '../parties/party.repository.js';
import type { ChangesReportQuery } from './dto/changes-report.query.js';
import type { ComplianceReportQuery } from './dto/compliance-report.query.js';
import type { EditionQuery, EditionReportKind } from './dto/edition-query.js';
import type { PositionsReportQuery } from './dto/positions-report.query.js';
import type { RevisionsReportQuery } from './dto/revisions-report.query.js';
import type { StatusReportQuery } from './dto/status-report.query.js';
import type { ReportFormat } from './report-format.js';
import { RenderedReportCache } from './rendered-report-cache.js';
import { ReportBuildQueue } from './report-build-queue.js';
import { renderEveryFormat, type ReportKindName, type ReportParams, type ReportTask } from './report-kinds.js';
import { reportScope } from './report-scope.js';
import { ReportWorkers } from './report-workers.js';

// Enough for an analyst's usual questions in every format: many small documents, or this many of
// the largest answered (REPORT_MAX_BYTES, 4 MiB by default: 16 MiB in all), and no more.
const CACHED_REPORTS = 32;
const CACHED_LARGEST = 4;

// Who asks: builds are admitted per client (a token; the console's sessions are their tokens').
export type ReportClient = string;

// Rows of a report's tables the console shows at once.
export interface ReportRows {
  readonly offset: number;
  readonly limit: number;
}

// A question to one kind of report, as the API and the console ask it.
export type ReportQuestion =
  | { readonly kind: 'status'; readonly query: StatusReportQuery }
  | { readonly kind: 'positions'; readonly query: PositionsReportQuery }
  | { readonly kind: 'changes'; readonly query: ChangesReportQuery }
  | { readonly kind: 'compliance'; readonly query: ComplianceReportQuery }
  | { readonly kind: 'revisions'; readonly query: RevisionsReportQuery };

// Every report is rebuilt from the history events, never from the items' current state, and served
// as encoded text: the same bytes for the API, the console and the command line. Builds run in the
// report workers' threads (report-workers.ts), in turn (report-build-queue.ts), and their documents
// are cached by everything they depend on.
@Injectable()
export class ReportsService {
  private readonly rendered: RenderedReportCache;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly builds: ReportBuildQueue,
    private readonly workers: ReportWorkers,
    private readonly events: HistoryRepository,
    private readonly parties: PartyRepository,
  ) {
    this.rendered = new RenderedReportCache(CACHED_REPORTS, CACHED_LARGEST * config.reportMaxBytes);
  }

  statusDocument(query: StatusReportQuery, format: ReportFormat, client: ReportClient): Promise<Buffer> {
    return this.document({ kind: 'status', query }, format, client);
  }

  changesDocument(query: ChangesReportQuery, format: ReportFormat, client: ReportClient): Promise<Buffer> {
    return this.document({ kind: 'changes', query }, format, client);
  }

  positionsDocument(query: PositionsReportQuery, format: ReportFormat, client: ReportClient): Promise<Buffer> {
    return this.document({ kind: 'positions', query }, format, client);
  }

  complianceDocument(query: ComplianceReportQuery, format: ReportFormat, client: ReportClient): Promise<Buffer> {
    return this.document({ kind: 'compliance', query }, format, client);
  }

  // A report for an edition, in every format, read through `manager` (the publishing transaction,
  // so that it is built from exactly the events up to the head read in it): in process, beside it.
  async renderAll(
    kind: EditionReportKind,
    query: EditionQuery,
    manager: EntityManager,
  ): Promise<Record<ReportFormat, string>> {
    const { task } = this.task({ kind, query } as ReportQuestion, 'json');
    return renderEveryFormat(this.workers.readersOn(manager), task);
  }

  revisionsDocument(query: RevisionsReportQuery, format: ReportFormat, client: ReportClient): Promise<Buffer> {
    return this.document({ kind: 'revisions', query }, format, client);
  }

  // The report in a format, from the cache or built.
  async document(question: ReportQuestion, format: ReportFormat, client: ReportClient): Promise<Buffer> {
    return this.answer(this.task(question, format), client);
  }

  // Rows [offset, offset + limit) of the report's tables, as JSON ({ report, tables: each table's
  // length by name }): what a page of the console shows, whatever the report's size.
  async rows(question: ReportQuestion, rows: ReportRows, client: ReportClient): Promise<Buffer> {
    const asked = this.task(question, 'json');
    return this.answer({ ...asked, task: { ...asked.task, rows } }, client);
  }

  private async answer({ task, keyedBy }: AskedTask, client: ReportClient): Promise<Buffer> {
    const key = await this.cacheKey(task, keyedBy);
    return this.rendered.get(key, () => this.builds.run(client, () => this.workers.build(task)));
  }

  // The question as plain data for a worker, checked here so that a bad one is refused at once.
  private task(question: ReportQuestion, format: ReportFormat): AskedTask {
    const base = { format, maxBytes: this.config.reportMaxBytes };
    switch (question.kind) {
      case 'status': {
        const params = statusParams(question.query);
        return { task: { ...base, kind: 'status', params }, keyedBy: params };
      }
      case 'positions': {
        const params = { ...statusParams(question.query), divergent: question.query.divergent === 'true' };
        return { task: { ...base, kind: 'positions', params }, keyedBy: params };
      }
      case 'changes': {
        const params = changesParams(question.query);
        return { task: { ...base, kind: 'changes', params }, keyedBy: params };
      }
      case 'compliance': {
        const { parties, compareTo } = question.query;
        const params = {
          ...statusParams(question.query),
          ...(parties === undefined ? {} : { parties: parties.split(',') }),
          ...(compareTo === undefined ? {} : { compareTo }),
        };
        return { task: { ...base, kind: 'compliance', params }, keyedBy: params };
      }
      case 'revisions': {
        const params = revisionsParams(question.query);
        // Up to now (no `to`), it is the same report until the next event is recorded: keyed by
        // the history's head (in the key below), not by the instant.
        const { asOf, from, to } = params;
        return {
          task: { ...base, kind: 'revisions', params },
          keyedBy: question.query.to ? [asOf, from, to] : [asOf, from],
        };
      }
    }
  }

  // Everything a report depends on: the question, the history it is read from (the newest event
  // stands for the whole history before it) and, for the kinds that list them, the parties.
  private async cacheKey(task: ReportTask, keyedBy: unknown): Promise<string> {
    const newest = await this.events.newest(this.dataSource.manager);
    const parties = DEPENDS_ON_PARTIES.has(task.kind)
      ? (await this.parties.all(this.dataSource.manager)).map((party) => [party.id, party.slug])
      : [];
    return JSON.stringify([task.kind, task.format, task.rows, keyedBy, newest, parties]);
  }
}

// A task with what its cache key is made of.
interface AskedTask {
  readonly task: ReportTask;
  readonly keyedBy: unknown;
}

// The kinds whose answer names the parties (the positions report has a column per party).
const DEPENDS_ON_PARTIES: ReadonlySet<ReportKindName> = new Set(['positions']);

function statusParams(query: StatusReportQuery): ReportParams<'status'> {
  return { asOf: query.asOf ?? todayUtc(), scope: reportScope(query) };
}

function changesParams(query: ChangesReportQuery): ReportParams<'changes'> {
  const to = query.to ?? todayUtc();
  if (query.from > to) {
    throw DomainError.validation([{ field: 'from', message: `must not be after to (${to})` }]);
  }
  return { from: query.from, to, scope: reportScope(query) };
}

function revisionsParams(query: RevisionsReportQuery): ReportParams<'revisions'> {
  const from = toStoredInstant(query.from);
  const to = query.to === undefined ? nowIso() : toStoredInstant(query.to);
  if (from > to) {
    throw DomainError.validation([{ field: 'from', message: `must not be after to (${to})` }]);
  }
  return { asOf: query.asOf ?? todayUtc(), from, to };
}
