import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError } from '../common/domain-error.js';
import { isPrintable } from '../common/validators.js';
import { byteOrder } from '../database/byte-order.js';
import { insertUnique } from '../database/insert-unique.js';
import { MeetingEntity } from './meeting.entity.js';

// Every query on the meetings table. Items and outcomes find their meeting through this provider.
@Injectable()
export class MeetingRepository {
  async findByKey(manager: EntityManager, key: string): Promise<MeetingEntity> {
    const meeting = isPrintable(key)
      ? await manager
          .createQueryBuilder(MeetingEntity, 'meeting')
          .where('meeting.id = :key OR meeting.slug = :key', { key })
          .getOne()
      : null;
    if (!meeting) {
      throw new DomainError('meeting_not_found', `No meeting has the id or slug "${key}".`, { meeting: key });
    }
    return meeting;
  }

  // A new meeting; a slug that is taken (found first, or caught by the unique index when two
  // instances race) is refused.
  insert(manager: EntityManager, meeting: MeetingEntity): Promise<void> {
    return insertUnique(manager, MeetingEntity, meeting, { slug: meeting.slug }, () => slugTaken(meeting.slug));
  }

  // Newest first, then by slug.
  all(manager: EntityManager): Promise<MeetingEntity[]> {
    return manager
      .createQueryBuilder(MeetingEntity, 'meeting')
      .orderBy('meeting.held_on', 'DESC')
      .addOrderBy(byteOrder(manager.dataSource, 'meeting.slug'), 'ASC')
      .getMany();
  }
}

function slugTaken(slug: string): DomainError {
  return new DomainError('slug_taken', `The meeting slug "${slug}" is already taken.`, { slug });
}
