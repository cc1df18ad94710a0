import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { nowIso } from '../common/calendar-date.js';
import { DomainError } from '../common/domain-error.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import type { CreatePartyDto } from './dto/create-party.dto.js';
import type { PartyEntity } from './party.entity.js';
import { PartyRepository } from './party.repository.js';
import type { PartyList, PartyView } from './party.view.js';

@Injectable()
export class PartiesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly parties: PartyRepository,
  ) {}

  async create(dto: CreatePartyDto): Promise<PartyView> {
    return presentParty(await this.transactions.write((manager) => this.createIn(manager, dto)));
  }

  async createIn(manager: EntityManager, dto: CreatePartyDto): Promise<PartyEntity> {
    const party: PartyEntity = {
      id: randomUUID(),
      slug: dto.slug,
      name: dto.name,
      kind: dto.kind,
      createdAt: nowIso(),
    };
    await this.parties.insert(manager, party);
    return party;
  }

  async list(): Promise<PartyList> {
    return { data: (await this.parties.all(this.dataSource.manager)).map(presentParty) };
  }

  async findOne(key: string): Promise<PartyView> {
    const party = await this.parties.findByKey(this.dataSource.manager, key);
    if (!party) {
      throw partyNotFound(key);
    }
    return presentParty(party);
  }
}

// Wherever a party is named, its id or its slug both work; a name that is neither is a 404.
export function partyNotFound(key: string): DomainError {
  return new DomainError('party_not_found', `No party has the id or slug "${key}".`, { party: key });
}

export function presentParty(party: PartyEntity): PartyView {
  return { id: party.id, slug: party.slug, name: party.name, kind: party.kind };
}
