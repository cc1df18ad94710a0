import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { nowIso, todayUtc } from '../common/calendar-date.js';
import { DomainError } from '../common/domain-error.js';
import { isUniqueViolation } from '../database/database-errors.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { HistoryRecorder } from '../history/history-recorder.js';
import type { FieldChanges } from '../history/history-event.types.js';
import { findMeetingByKey } from '../meetings/meeting-lookup.js';
import type { MeetingEntity } from '../meetings/meeting.entity.js';
import { PartiesRepository } from '../parties/parties.repository.js';
import { PartiesService } from '../parties/parties.service.js';
import { checkPosition, positionKey } from '../positions/position-check.js';
import { PositionsRepository } from '../positions/positions.repository.js';
import { checkItemTransition } from '../workflow/transition-check.js';
import { INITIAL_STATE } from '../workflow/workflow.definition.js';
import type { CreateItemDto } from './dto/create-item.dto.js';
import type { ListItemsQuery } from './dto/list-items.query.js';
import type { TakePositionDto } from './dto/take-position.dto.js';
import type { TransitionItemDto } from './dto/transition-item.dto.js';
import type { UpdateItemDto } from './dto/update-item.dto.js';
import { ItemEntity } from './item.entity.js';
import { findItemByKey } from './item-lookup.js';
import { presentItem, presentItemDetail } from './item.presenter.js';
import { transitionProblemError } from './transition-problem-error.js';
import type { ItemDetailView, ItemPage } from './item.view.js';
import { ItemWriter } from './item-writer.js';
import { ItemsRepository } from './items.repository.js';

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
    private readonly items: ItemsRepository,
    private readonly parties: PartiesService,
    private readonly partiesTable: PartiesRepository,
    private readonly positions: PositionsRepository,
  ) {}

  async create(dto: CreateItemDto, actor: string, options: CreateOptions = {}): Promise<ItemDetailView> {
    const item = await this.transactions.write((manager) => this.createIn(manager, dto, actor, options));
    // A new item has no positions yet.
    return presentItemDetail(item, []);
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
    const { party, ...filter } = query;
    let partyId: string | undefined;
    if (party !== undefined) {
      partyId = (await this.partiesTable.findByKey(this.dataSource.manager, party))?.id;
      // Like any other filter, a party that is not there matches no item.
      if (partyId === undefined) {
        return { data: [], total: 0, limit, offset };
      }
    }
    const page = await this.items.page(this.dataSource, { ...filter, partyId }, limit, offset);
    return { data: page.items.map(presentItem), total: page.total, limit, offset };
  }

  async findOne(key: string): Promise<ItemDetailView> {
    return this.detail(this.dataSource.manager, await findItemByKey(this.dataSource.manager, key));
  }

  async update(
    key: string,
    dto: UpdateItemDto,
    expectedVersion: number | undefined,
    actor: string,
  ): Promise<ItemDetailView> {
    const fields = Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined));
    if (Object.keys(fields).length === 0) {
      throw DomainError.validation([{ field: 'body', message: 'names no field to change' }], 'Nothing to change.');
    }
    const item = await this.transactions.write(async (manager) => {
      const current = await findItemByKey(manager, key);
      assertVersion(current, expectedVersion);
      const updated = await this.writer.describe(manager, current, fields, actor, todayUtc());
      return this.detail(manager, updated);
    });
    return item;
  }

  async transition(
    key: string,
    dto: TransitionItemDto,
    expectedVersion: number | undefined,
    actor: string,
  ): Promise<ItemDetailView> {
    const item = await this.transactions.write(async (manager) => {
      const current = await findItemByKey(manager, key);
      assertVersion(current, expectedVersion);
      const { meeting, effectiveOn } = await dated(manager, dto);
      const reason = dto.reason?.trim() ? dto.reason : null;
      const problem = checkItemTransition(current, { to: dto.to, reason, effectiveOn });
      if (problem) {
        throw transitionProblemError(problem);
      }
      const moved = await this.writer.transition(manager, current, {
        to: dto.to,
        reason,
        effectiveOn,
        meetingId: meeting?.id ?? null,
        source: dto.source ?? null,
        batchId: null,
        actor,
      });
      return this.detail(manager, moved);
    });
    return item;
  }

  // Records a party's stance on the item: a positioned event, checked like a transition's date.
  async takePosition(
    key: string,
    dto: TakePositionDto,
    expectedVersion: number | undefined,
    actor: string,
  ): Promise<ItemDetailView> {
    return this.transactions.write(async (manager) => {
      const current = await findItemByKey(manager, key);
      assertVersion(current, expectedVersion);
      const party = await this.parties.findByKey(manager, dto.party);
      const { meeting, effectiveOn } = await dated(manager, dto);
      const previous = (await this.positions.standingOn(manager, [current.id])).get(positionKey(current.id, party.id));
      const problem = checkPosition(current, party, previous, effectiveOn);
      if (problem) {
        throw new DomainError('position_out_of_order', problem.message, {
          party: party.slug,
          ...(previous ? { previousPositionOn: previous.effectiveOn } : { proposedOn: current.proposedOn }),
        });
      }
      const [positioned] = await this.writer.positionAll(manager, [
        {
          item: current,
          partyId: party.id,
          stance: dto.stance,
          fromStance: previous?.stance ?? null,
          statement: dto.statement?.trim() ? dto.statement : null,
          effectiveOn,
          meetingId: meeting?.id ?? null,
          source: dto.source ?? null,
          batchId: null,
          actor,
        },
      ]);
      return this.detail(manager, positioned);
    });
  }

  private async detail(manager: EntityManager, item: ItemEntity): Promise<ItemDetailView> {
    return presentItemDetail(item, await this.positions.currentOfItem(manager, item.id));
  }
}

// When a change took effect: the day given, else the meeting's day, else today; never in the future.
async function dated(
  manager: EntityManager,
  dto: { readonly effectiveOn?: string; readonly meeting?: string },
): Promise<{ meeting: MeetingEntity | null; effectiveOn: string }> {
  const meeting = dto.meeting ? await findMeetingByKey(manager, dto.meeting) : null;
  const effectiveOn = dto.effectiveOn ?? meeting?.heldOn ?? todayUtc();
  if (effectiveOn > todayUtc()) {
    throw DomainError.validation([
      { field: 'effectiveOn', message: `must not be in the future (the meeting is on ${effectiveOn})` },
    ]);
  }
  return { meeting, effectiveOn };
}

function assertVersion(item: ItemEntity, expectedVersion: number | undefined): void {
  if (expectedVersion !== undefined && item.version !== expectedVersion) {
    throw new DomainError(
      'version_mismatch',
      `If-Match asks for version ${expectedVersion}, but ${item.slug} is at version ${item.version}.`,
      { currentVersion: item.version },
    );
  }
}

function slugTaken(slug: string): DomainError {
  return new DomainError('slug_taken', `The slug "${slug}" is already taken.`, { slug });
}
