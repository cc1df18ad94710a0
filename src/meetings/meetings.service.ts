import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { nowIso } from '../common/calendar-date.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import type { CreateMeetingDto } from './dto/create-meeting.dto.js';
import type { MeetingEntity } from './meeting.entity.js';
import { MeetingRepository } from './meeting.repository.js';
import type { MeetingList, MeetingView } from './meeting.view.js';

@Injectable()
export class MeetingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly meetings: MeetingRepository,
  ) {}

  async create(dto: CreateMeetingDto): Promise<MeetingView> {
    return presentMeeting(await this.transactions.write((manager) => this.createIn(manager, dto)));
  }

  async createIn(manager: EntityManager, dto: CreateMeetingDto): Promise<MeetingEntity> {
    const meeting: MeetingEntity = { id: randomUUID(), ...dto, createdAt: nowIso() };
    await this.meetings.insert(manager, meeting);
    return meeting;
  }

  async list(): Promise<MeetingList> {
    return { data: (await this.meetings.all(this.dataSource.manager)).map(presentMeeting) };
  }

  async findOne(key: string): Promise<MeetingView> {
    return presentMeeting(await this.meetings.findByKey(this.dataSource.manager, key));
  }
}

export function presentMeeting(meeting: MeetingEntity): MeetingView {
  return { id: meeting.id, slug: meeting.slug, name: meeting.name, location: meeting.location, heldOn: meeting.heldOn };
}
