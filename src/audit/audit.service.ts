import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '../database/transaction-runner.js';
import { HistoryRepository } from '../history/history.repository.js';
import { ItemRepository } from '../items/item.repository.js';
import type { AuditHeadView, AuditReport } from './audit-report.view.js';
import { parseCheckpoints } from './checkpoint.js';
import type { VerifyAuditQuery } from './dto/verify-audit.query.js';
import { auditHistory } from './history-audit.js';

@Injectable()
export class AuditService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly events: HistoryRepository,
    private readonly items: ItemRepository,
  ) {}

  // One snapshot, so that writes landing meanwhile cannot make the rows and the history disagree.
  verify(query: VerifyAuditQuery = {}): Promise<AuditReport> {
    const checkpoints = query.against ? parseCheckpoints(query.against) : [];
    return this.transactions.snapshot((manager) =>
      auditHistory({ events: this.events, items: this.items, manager }, checkpoints),
    );
  }

  head(): Promise<AuditHeadView> {
    return this.transactions.snapshot((manager) => this.events.head(manager));
  }
}
