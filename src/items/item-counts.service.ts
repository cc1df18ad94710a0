import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { WorkflowState } from '../workflow/workflow.definition.js';
import { emptyStateCounts } from '../workflow/workflow.machine.js';
import { ItemCountsRepository } from './item-counts.repository.js';

// How many items are in each state now: one pass over the items table, every state named.
@Injectable()
export class ItemCountsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly counts: ItemCountsRepository,
  ) {}

  async countByState(): Promise<Record<WorkflowState, number>> {
    const counts = emptyStateCounts();
    for (const { state, count } of await this.counts.countByState(this.dataSource.manager)) {
      counts[state] = count;
    }
    return counts;
  }
}
