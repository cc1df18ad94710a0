import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { nowIso } from '../common/calendar-date.js';
import { DomainError } from '../common/domain-error.js';
import { byteOrder } from '../database/byte-order.js';
import { isUniqueViolation } from '../database/database-errors.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import type { CreateMeetingDto } from './dto/create-meeting.dto.js';
import { MeetingEntity } from './meeting.entity.js';
import { findMeetingByKey } from './meeting-lookup.js';
import type { MeetingList, MeetingView } from './meeting.view.js';

@Injectable()
export class MeetingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
  ) {}

  async create(dto: CreateMeetingDto): Promise<MeetingView> {
    return presentMeeting(await this.transactions.write((manager) => this.createIn(manager, dto)));
  }

  async createIn(manager: EntityManager, dto: CreateMeetingDto): Promise<MeetingEntity> {
    if (await manager.existsBy(MeetingEntity, { slug: dto.slug })) {
      throw slugTaken(dto.slug);
    }
    const meeting: MeetingEntity = { id: randomUUID(), ...dto, createdAt: nowIso() };
    try {
      await manager.insert(MeetingEntity, meeting);
    } catch (error) {
      throw isUniqueViolation(error) ? slugTaken(dto.slug) : error;
    }
    return meeting;
  }

  async list(): Promise<MeetingList> {
    const meetings = await this.dataSource
      .createQueryBuilder(MeetingEntity, 'meeting')
      .orderBy('meeting.held_on', 'DESC')
      .addOrderBy(byteOrder(this.dataSource, 'meeting.slug'), 'ASC')
      .getMany();
    return { data: meetings.map(presentMeeting) };
  }

  async findOne(key: string): Promise<MeetingView> {
    return presentMeeting(await findMeetingByKey(this.dataSource.manager, key));
  }
}

export function presentMeeting(meeting: MeetingEntity): MeetingView {
  return { id: meeting.id, slug: meeting.slug, name: meeting.name, location: meeting.location, heldOn: meeting.heldOn };
}

function slugTaken(slug: string): DomainError {
  return new DomainError('slug_taken', `The meeting slug "${slug}" is already taken.`, { slug });
}
