import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { nowIso, todayUtc } from '../common/calendar-date.js';
import { DomainError } from '../common/domain-error.js';
import { validateInput } from '../common/validate-input.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import type { EditionEntity } from '../editions/edition.entity.js';
import { EditionRepository } from '../editions/edition.repository.js';
import { HistoryRepository } from '../history/history.repository.js';
import { EDITION_QUERY_CLASSES, type EditionQuery, type EditionReportKind } from './dto/edition-query.js';
import type { PublishEditionDto } from './dto/publish-edition.dto.js';
import type { EditionView } from './edition.view.js';
import type { ReportFormat } from './report-format.js';
import { ReportsService } from './reports.service.js';

// An edition freezes a report: it is built once, in the transaction that reads the head of the
// chain (so from exactly the first head.events events), and its four formats are stored as they
// were rendered. Stored rather than rebuilt from a prefix of the chain: every report would need an
// events-prefix view (items' descriptions, parties and positions as of an event id, not an instant),
// and any later change to a renderer (a wording, a CSS rule) would change an edition's bytes; stored
// bytes stay the same on every instance and after export and import, and the head still ties them
// to the chain, which audit verify checks.
@Injectable()
export class EditionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly reports: ReportsService,
    private readonly editions: EditionRepository,
    private readonly history: HistoryRepository,
  ) {}

  async publish(dto: PublishEditionDto, actor: string): Promise<EditionView> {
    const query = await editionQuery(dto.report, dto.query);
    return this.transactions.write(async (manager) => {
      if (await this.editions.findBySlug(manager, dto.slug)) {
        throw new DomainError('slug_taken', `An edition already has the slug "${dto.slug}".`, { slug: dto.slug });
      }
      const head = await this.history.head(manager);
      const rendered = await this.reports.renderAll(dto.report, query, manager);
      const edition: EditionEntity = {
        slug: dto.slug,
        title: dto.title,
        report: dto.report,
        query: JSON.stringify(query),
        headHash: head.hash,
        headEvents: head.events,
        publishedAt: nowIso(),
        publishedBy: actor,
        ...rendered,
      };
      await this.editions.insert(manager, edition);
      return present(edition);
    });
  }

  async list(): Promise<EditionView[]> {
    return (await this.editions.all(this.dataSource.manager)).map(present);
  }

  async get(slug: string): Promise<EditionView> {
    return present(await this.find(slug));
  }

  async document(slug: string, format: ReportFormat): Promise<Buffer> {
    return Buffer.from((await this.find(slug))[format]);
  }

  private async find(slug: string): Promise<EditionEntity> {
    const edition = await this.editions.findBySlug(this.dataSource.manager, slug);
    if (!edition) {
      throw new DomainError('edition_not_found', `No edition has the slug "${slug}".`, { edition: slug });
    }
    return edition;
  }
}

// The query that report would accept (400 otherwise), without knownAt (an edition is what is known
// at its head) or format, and with its day filled in, so that the record says which day it shows.
async function editionQuery(kind: EditionReportKind, raw: Record<string, unknown>): Promise<EditionQuery> {
  for (const field of ['knownAt', 'format']) {
    if (field in raw) {
      throw DomainError.validation([{ field: `query.${field}`, message: 'is not part of an edition' }]);
    }
  }
  const validated = { ...(await validateInput(EDITION_QUERY_CLASSES[kind], raw)) } as EditionQuery;
  if (kind === 'changes') {
    validated.to ??= todayUtc();
  } else {
    validated.asOf ??= todayUtc();
  }
  return Object.fromEntries(Object.entries(validated).filter(([, value]) => value !== undefined));
}

function present(edition: Omit<EditionEntity, 'json' | 'csv' | 'md' | 'html'>): EditionView {
  return {
    slug: edition.slug,
    title: edition.title,
    report: edition.report as EditionReportKind,
    query: JSON.parse(edition.query) as Record<string, string>,
    head: { hash: edition.headHash, events: edition.headEvents },
    publishedAt: edition.publishedAt,
    publishedBy: edition.publishedBy,
  };
}
