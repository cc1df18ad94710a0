import type { EntityManager } from 'typeorm';
import { DomainError } from '../common/domain-error.js';
import { isPrintable } from '../common/validators.js';
import { MeetingEntity } from './meeting.entity.js';

export async function findMeetingByKey(manager: EntityManager, key: string): Promise<MeetingEntity> {
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
