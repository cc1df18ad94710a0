import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { findItemByKey } from '../items/item-lookup.js';
import { HistoryEventEntity } from './history-event.entity.js';
import { presentHistoryEvent, type HistoryEventRow } from './history-event.presenter.js';
import type { HistoryPage } from './history-event.view.js';

@Injectable()
export class HistoryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async itemHistory(key: string): Promise<HistoryPage> {
    const item = await findItemByKey(this.dataSource.manager, key);
    const rows = await this.dataSource
      .createQueryBuilder(HistoryEventEntity, 'e')
      .select([
        'e.id AS id',
        'e.seq AS seq',
        'e.action AS action',
        'e.from_state AS from_state',
        'e.to_state AS to_state',
        'e.changes AS changes',
        'e.reason AS reason',
        'e.effective_on AS effective_on',
        'e.source AS source',
        'e.batch_id AS batch_id',
        'e.actor AS actor',
        'e.recorded_at AS recorded_at',
        'e.hash AS hash',
        'm.slug AS meeting_slug',
      ])
      .leftJoin('meetings', 'm', 'm.id = e.meeting_id')
      .where('e.item_id = :itemId', { itemId: item.id })
      .orderBy('e.seq', 'ASC')
      .getRawMany<Omit<HistoryEventRow, 'item_slug'>>();
    return { data: rows.map((row) => presentHistoryEvent({ ...row, item_slug: item.slug })) };
  }
}
