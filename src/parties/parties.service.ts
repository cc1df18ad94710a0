import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { nowIso } from '../common/calendar-date.js';
import { DomainError } from '../common/domain-error.js';
import { isPrintable } from '../common/validators.js';
import { isUniqueViolation } from '../database/database-errors.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import type { CreatePartyDto } from './dto/create-party.dto.js';
import type { PartyEntity } from './party.entity.js';
import type { PartyList, PartyView } from './party.view.js';
import { PartiesRepository } from './parties.repository.js';

@Injectable()
export class PartiesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly parties: PartiesRepository,
  ) {}

  async create(dto: CreatePartyDto): Promise<PartyView> {
    return presentParty(await this.transactions.write((manager) => this.createIn(manager, dto)));
  }

  async createIn(manager: EntityManager, dto: CreatePartyDto): Promise<PartyEntity> {
    if (await this.parties.slugTaken(manager, dto.slug)) {
      throw slugTaken(dto.slug);
    }
    const party: PartyEntity = {
      id: randomUUID(),
      slug: dto.slug,
      name: dto.name,
      kind: dto.kind,
      createdAt: nowIso(),
    };
    try {
      await this.parties.insert(manager, party);
    } catch (error) {
      throw isUniqueViolation(error) ? slugTaken(dto.slug) : error;
    }
    return party;
  }

  async list(): Promise<PartyList> {
    return { data: (await this.parties.list(this.dataSource.manager)).map(presentParty) };
  }

  async findOne(key: string): Promise<PartyView> {
    return presentParty(await this.findByKey(this.dataSource.manager, key));
  }

  // Wherever a party is named, its id or its slug both work.
  async findByKey(manager: EntityManager, key: string): Promise<PartyEntity> {
    const party = isPrintable(key) ? await this.parties.findByKey(manager, key) : undefined;
    if (!party) {
      throw partyNotFound(key);
    }
    return party;
  }
}

export function partyNotFound(key: string): DomainError {
  return new DomainError('party_not_found', `No party has the id or slug "${key}".`, { party: key });
}

export function presentParty(party: PartyEntity): PartyView {
  return { id: party.id, slug: party.slug, name: party.name, kind: party.kind };
}

function slugTaken(slug: string): DomainError {
  return new DomainError('slug_taken', `The party slug "${slug}" is already taken.`, { slug });
}
