import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { nowIso, todayUtc } from '../common/calendar-date.js';
import { DomainError } from '../common/domain-error.js';
import { assertIfMatch, type IfMatch } from '../common/if-match.js';
import { byteOrder } from '../database/byte-order.js';
import { isUniqueViolation } from '../database/database-errors.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { HistoryRecorder } from '../history/history-recorder.js';
import type { FieldChanges } from '../history/history-event.types.js';
import { findMeetingByKey } from '../meetings/meeting-lookup.js';
import { checkItemTransition } from '../workflow/transition-check.js';
import { INITIAL_STATE } from '../workflow/workflow.definition.js';
import type { CreateItemDto } from './dto/create-item.dto.js';
import type { ListItemsQuery } from './dto/list-items.query.js';
import type { TransitionItemDto } from './dto/transition-item.dto.js';
import type { UpdateItemDto } from './dto/update-item.dto.js';
import { ItemEntity } from './item.entity.js';
import { findItemByKey } from './item-lookup.js';
import { presentItem, presentItemDetail } from './item.presenter.js';
import { transitionProblemError } from './transition-problem-error.js';
import type { ItemDetailView, ItemPage } from './item.view.js';
import { ItemWriter } from './item-writer.js';

const SORT_COLUMNS = {
  slug: 'item.slug',
  title: 'item.title',
  category: 'item.category',
  proposedBy: 'item.proposed_by',
  proposedOn: 'item.proposed_on',
  state: 'item.state',
  stateSince: 'item.state_since',
  createdAt: 'item.created_at',
  updatedAt: 'item.updated_at',
} as const;

export interface CreateOptions {
  // The seed links its items to the meeting where they were proposed.
  readonly meetingId?: string | null;
}

@Injectable()
export class ItemsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly history: HistoryRecorder,
    private readonly writer: ItemWriter,
  ) {}

  async create(dto: CreateItemDto, actor: string, options: CreateOptions = {}): Promise<ItemDetailView> {
    const item = await this.transactions.write((manager) => this.createIn(manager, dto, actor, options));
    return presentItemDetail(item);
  }

  async createIn(
    manager: EntityManager,
    dto: CreateItemDto,
    actor: string,
    options: CreateOptions = {},
  ): Promise<ItemEntity> {
    const now = nowIso();
    const item: ItemEntity = {
      id: randomUUID(),
      slug: dto.slug,
      title: dto.title,
      summary: dto.summary,
      category: dto.category,
      proposedBy: dto.proposedBy,
      proposedOn: dto.proposedOn,
      sourceUrl: dto.sourceUrl ?? null,
      state: INITIAL_STATE,
      stateSince: dto.proposedOn,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    const taken = await manager.existsBy(ItemEntity, { slug: dto.slug });
    if (taken) {
      throw slugTaken(dto.slug);
    }
    try {
      await manager.insert(ItemEntity, item);
    } catch (error) {
      throw isUniqueViolation(error) ? slugTaken(dto.slug) : error;
    }
    const changes: FieldChanges = {};
    for (const field of [
      'slug',
      'title',
      'summary',
      'category',
      'proposedBy',
      'proposedOn',
      'sourceUrl',
      'state',
    ] as const) {
      changes[field] = { from: null, to: item[field] };
    }
    await this.history.append(manager, {
      itemId: item.id,
      seq: 1,
      action: 'created',
      toState: INITIAL_STATE,
      changes,
      effectiveOn: item.proposedOn,
      meetingId: options.meetingId ?? null,
      actor,
    });
    return item;
  }

  async list(query: ListItemsQuery): Promise<ItemPage> {
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const builder = this.dataSource.createQueryBuilder(ItemEntity, 'item');
    if (query.state) {
      builder.andWhere('item.state = :state', { state: query.state });
    }
    if (query.category) {
      builder.andWhere('item.category = :category', { category: query.category });
    }
    if (query.proposedBy) {
      builder.andWhere('item.proposed_by = :proposedBy', { proposedBy: query.proposedBy });
    }
    if (query.q) {
      // Wildcards typed by the user are literal text.
      const pattern = `%${query.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      builder.andWhere(
        "(LOWER(item.title) LIKE :pattern ESCAPE '\\' OR LOWER(item.summary) LIKE :pattern ESCAPE '\\')",
        {
          pattern,
        },
      );
    }
    const sort = query.sort ?? 'slug';
    const descending = sort.startsWith('-');
    const column = SORT_COLUMNS[(descending ? sort.slice(1) : sort) as keyof typeof SORT_COLUMNS];
    builder
      .orderBy(byteOrder(this.dataSource, column), descending ? 'DESC' : 'ASC')
      .addOrderBy(byteOrder(this.dataSource, 'item.id'), 'ASC');
    const [items, total] = await builder.take(limit).skip(offset).getManyAndCount();
    return { data: items.map(presentItem), total, limit, offset };
  }

  async findOne(key: string): Promise<ItemDetailView> {
    return presentItemDetail(await findItemByKey(this.dataSource.manager, key));
  }

  async update(key: string, dto: UpdateItemDto, ifMatch: IfMatch, actor: string): Promise<ItemDetailView> {
    const fields = Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined));
    if (Object.keys(fields).length === 0) {
      throw DomainError.validation([{ field: 'body', message: 'names no field to change' }], 'Nothing to change.');
    }
    const item = await this.transactions.write(async (manager) => {
      const current = await findItemByKey(manager, key);
      assertIfMatch(ifMatch, current.version, current.slug);
      return this.writer.describe(manager, current, fields, actor, todayUtc());
    });
    return presentItemDetail(item);
  }

  async transition(key: string, dto: TransitionItemDto, ifMatch: IfMatch, actor: string): Promise<ItemDetailView> {
    const item = await this.transactions.write(async (manager) => {
      const current = await findItemByKey(manager, key);
      assertIfMatch(ifMatch, current.version, current.slug);
      const meeting = dto.meeting ? await findMeetingByKey(manager, dto.meeting) : null;
      const effectiveOn = dto.effectiveOn ?? meeting?.heldOn ?? todayUtc();
      if (effectiveOn > todayUtc()) {
        throw DomainError.validation([
          { field: 'effectiveOn', message: `must not be in the future (the meeting is on ${effectiveOn})` },
        ]);
      }
      const reason = dto.reason?.trim() ? dto.reason : null;
      const problem = checkItemTransition(current, { to: dto.to, reason, effectiveOn });
      if (problem) {
        throw transitionProblemError(problem);
      }
      return this.writer.transition(manager, current, {
        to: dto.to,
        reason,
        effectiveOn,
        meetingId: meeting?.id ?? null,
        source: dto.source ?? null,
        batchId: null,
        actor,
      });
    });
    return presentItemDetail(item);
  }
}

function slugTaken(slug: string): DomainError {
  return new DomainError('slug_taken', `The slug "${slug}" is already taken.`, { slug });
}
