import { Injectable } from '@nestjs/common';
import { storageFault } from '../database/database-errors.js';
import { integrityProblem, oneLine } from '../database/storage-integrity.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { EditionRepository } from '../editions/edition.repository.js';
import { HistoryRepository } from '../history/history.repository.js';
import { AuditRepository } from './audit.repository.js';
import type { AuditHeadView, AuditReport } from './audit-report.view.js';
import { parseCheckpoints } from './checkpoint.js';
import type { VerifyAuditQuery } from './dto/verify-audit.query.js';
import { auditHistory } from './history-audit.js';

export function storageCorrupt(finding: string): AuditReport {
  return {
    ok: false,
    events: 0,
    firstProblem: {
      kind: 'storage_corrupt',
      message: `The database file is damaged (${oneLine(finding)}); restore it from a backup and verify again.`,
    },
  };
}

@Injectable()
export class AuditService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly events: HistoryRepository,
    private readonly rows: AuditRepository,
    private readonly editions: EditionRepository,
  ) {}

  // One snapshot, so that writes landing meanwhile cannot make the rows and the history disagree.
  // A damaged file is a finding like any other, not an error: the file is checked first, and a
  // page that cannot be read while auditing is reported the same way.
  async verify(query: VerifyAuditQuery = {}): Promise<AuditReport> {
    const checkpoints = query.against ? parseCheckpoints(query.against) : [];
    try {
      return await this.transactions.snapshot(async (manager) => {
        const damage = await integrityProblem(manager);
        return damage === undefined
          ? auditHistory({ rows: this.rows, editions: this.editions, manager }, checkpoints)
          : storageCorrupt(damage);
      });
    } catch (error) {
      if (storageFault(error) !== 'corrupt') {
        throw error;
      }
      return storageCorrupt(error instanceof Error ? error.message : String(error));
    }
  }

  head(): Promise<AuditHeadView> {
    return this.transactions.snapshot((manager) => this.events.head(manager));
  }
}
