import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { todayUtc } from '../common/calendar-date.js';
import { DomainError } from '../common/domain-error.js';
import { assertIfMatch, type IfMatch } from '../common/if-match.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import type { CreateItemDto } from './dto/create-item.dto.js';
import type { ListItemsQuery } from './dto/list-items.query.js';
import type { TransitionItemDto } from './dto/transition-item.dto.js';
import type { UpdateItemDto } from './dto/update-item.dto.js';
import { presentItem, presentItemDetail } from './item.presenter.js';
import { ItemRepository } from './item.repository.js';
import type { ItemDetailView, ItemPage } from './item.view.js';
import { ItemWriter } from './item-writer.js';
import { TransitionPreparer } from './transition-preparer.js';
import type { WorkflowState } from '../workflow/workflow.definition.js';
import { emptyStateCounts } from '../workflow/workflow.machine.js';

@Injectable()
export class ItemsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly items: ItemRepository,
    private readonly writer: ItemWriter,
    private readonly transitions: TransitionPreparer,
  ) {}

  async create(dto: CreateItemDto, actor: string): Promise<ItemDetailView> {
    const item = await this.transactions.write((manager) => this.writer.create(manager, dto, actor));
    return presentItemDetail(item);
  }

  async list(query: ListItemsQuery): Promise<ItemPage> {
    const [items, total] = await this.items.page(this.dataSource.manager, query);
    return { data: items.map(presentItem), total, limit: query.limit ?? 50, offset: query.offset ?? 0 };
  }

  // How many items are in each state now, every state named.
  async countByState(): Promise<Record<WorkflowState, number>> {
    const counts = emptyStateCounts();
    for (const { state, count } of await this.items.countByState(this.dataSource.manager)) {
      counts[state] = count;
    }
    return counts;
  }

  async findOne(key: string): Promise<ItemDetailView> {
    return presentItemDetail(await this.items.findByKey(this.dataSource.manager, key));
  }

  async update(key: string, dto: UpdateItemDto, ifMatch: IfMatch, actor: string): Promise<ItemDetailView> {
    const fields = Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined));
    if (Object.keys(fields).length === 0) {
      throw DomainError.validation([{ field: 'body', message: 'names no field to change' }], 'Nothing to change.');
    }
    const item = await this.transactions.write(async (manager) => {
      const current = await this.items.findByKey(manager, key);
      assertIfMatch(ifMatch, current.version, current.slug);
      return this.writer.describe(manager, current, fields, actor, todayUtc());
    });
    return presentItemDetail(item);
  }

  async transition(key: string, dto: TransitionItemDto, ifMatch: IfMatch, actor: string): Promise<ItemDetailView> {
    const item = await this.transactions.write(async (manager) => {
      const { moves } = await this.transitions.prepareMoves(
        manager,
        [{ item: key, to: dto.to, reason: dto.reason, source: dto.source }],
        { kind: 'single', actor, meeting: dto.meeting, effectiveOn: dto.effectiveOn, ifMatch },
      );
      const [updated] = await this.writer.transitionAll(manager, moves);
      return updated;
    });
    return presentItemDetail(item);
  }
}
