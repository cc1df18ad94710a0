import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { todayUtc } from '../common/calendar-date.js';
import { DomainError } from '../common/domain-error.js';
import { assertIfMatch, type IfMatch } from '../common/if-match.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { AssessmentRepository } from '../history/assessment.repository.js';
import { PositionRepository } from '../history/position.repository.js';
import { PartyRepository } from '../parties/party.repository.js';
import type { CreateItemDto } from './dto/create-item.dto.js';
import type { ListItemsQuery } from './dto/list-items.query.js';
import type { TakePositionDto } from './dto/take-position.dto.js';
import type { TransitionItemDto } from './dto/transition-item.dto.js';
import type { UpdateItemDto } from './dto/update-item.dto.js';
import type { ItemEntity } from './item.entity.js';
import { presentItem, presentItemDetail } from './item.presenter.js';
import { ExpensiveReads } from './expensive-reads.js';
import { ItemListRepository } from './item-list.repository.js';
import { ItemRepository } from './item.repository.js';
import type { ItemDetailView, ItemPage } from './item.view.js';
import { ItemWriter } from './item-writer.js';
import { PositionPreparer } from './position-preparer.js';
import { TransitionPreparer } from './transition-preparer.js';
import type { WorkflowState } from '../workflow/workflow.definition.js';
import { emptyStateCounts } from '../workflow/workflow.machine.js';
import { positionProblemError } from './transition-problems.js';

@Injectable()
export class ItemsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly items: ItemRepository,
    private readonly listed: ItemListRepository,
    private readonly writer: ItemWriter,
    private readonly transitions: TransitionPreparer,
    private readonly positionPreparer: PositionPreparer,
    private readonly parties: PartyRepository,
    private readonly positions: PositionRepository,
    private readonly assessments: AssessmentRepository,
    private readonly reads: ExpensiveReads,
  ) {}

  async create(dto: CreateItemDto, actor: string): Promise<ItemDetailView> {
    const item = await this.transactions.write((manager) => this.writer.create(manager, dto, actor));
    // A new item has no positions yet.
    return presentItemDetail(item, []);
  }

  // `client`: who asks; a list filtered by a party's position is admitted per client.
  async list(query: ListItemsQuery, client: string): Promise<ItemPage> {
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    let partyId: string | undefined;
    if (query.party !== undefined) {
      partyId = (await this.parties.findByKey(this.dataSource.manager, query.party))?.id;
      // Like any other filter, a party that is not there matches no item.
      if (partyId === undefined) {
        return { data: [], total: 0, limit, offset };
      }
    }
    const page = () => this.listed.page(this.dataSource.manager, query, partyId);
    const [items, total] = await (partyId !== undefined || query.stance ? this.reads.admit(client, page) : page());
    return { data: items.map(presentItem), total, limit, offset };
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
    return this.detail(this.dataSource.manager, await this.items.findByKey(this.dataSource.manager, key));
  }

  async update(key: string, dto: UpdateItemDto, ifMatch: IfMatch, actor: string): Promise<ItemDetailView> {
    const fields = Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined));
    if (Object.keys(fields).length === 0) {
      throw DomainError.validation([{ field: 'body', message: 'names no field to change' }], 'Nothing to change.');
    }
    return this.transactions.write(async (manager) => {
      const current = await this.items.findByKey(manager, key);
      assertIfMatch(ifMatch, current.version, current.slug);
      return this.detail(manager, await this.writer.describe(manager, current, fields, actor, todayUtc()));
    });
  }

  async transition(key: string, dto: TransitionItemDto, ifMatch: IfMatch, actor: string): Promise<ItemDetailView> {
    return this.transactions.write(async (manager) => {
      const { moves } = await this.transitions.prepareMoves(
        manager,
        [{ item: key, to: dto.to, reason: dto.reason, source: dto.source }],
        { kind: 'single', actor, meeting: dto.meeting, effectiveOn: dto.effectiveOn, ifMatch },
      );
      const [updated] = await this.writer.transitionAll(manager, moves);
      return this.detail(manager, updated);
    });
  }

  // Records a party's stance on the item: a positioned event, dated and checked like a transition.
  async takePosition(key: string, dto: TakePositionDto, ifMatch: IfMatch, actor: string): Promise<ItemDetailView> {
    return this.transactions.write(async (manager) => {
      const current = await this.items.findByKey(manager, key);
      assertIfMatch(ifMatch, current.version, current.slug);
      const { meeting, effectiveOn } = await this.transitions.dated(manager, {
        kind: 'single',
        meeting: dto.meeting,
        effectiveOn: dto.effectiveOn,
      });
      const { checked, failures } = await this.positionPreparer.check(
        manager,
        [{ item: current.id, party: dto.party, stance: dto.stance, statement: dto.statement, source: dto.source }],
        { actor, effectiveOn, meetingId: meeting?.id ?? null, batchId: null, items: new Map([[current.id, current]]) },
      );
      const failure = failures.at(0);
      if (failure) {
        throw positionProblemError(failure);
      }
      const [positioned] = await this.writer.positionAll(manager, checked);
      return this.detail(manager, positioned);
    });
  }

  // A single-item answer: the item with each party's current position on it.
  private async detail(manager: EntityManager, item: ItemEntity): Promise<ItemDetailView> {
    return presentItemDetail(
      item,
      await this.positions.currentOfItem(manager, item.id),
      await this.assessments.currentOfItem(manager, item.id),
    );
  }
}
