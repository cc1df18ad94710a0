import { DataSource, type DataSourceOptions } from 'typeorm';
import { dataSourceOptions } from '../database/data-source-options.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import type { AuditReport } from './audit-report.view.js';
import { AuditService } from './audit.service.js';

// Audits a SQLite file that is not the one this process serves: a backup, a copy, a bench data set.
export async function auditSqliteFile(path: string): Promise<AuditReport> {
  const options = dataSourceOptions({ type: 'sqlite', path }) as Extract<DataSourceOptions, { type: 'better-sqlite3' }>;
  // A mistyped path must not become an empty database that verifies as ok.
  const dataSource = new DataSource({ ...options, fileMustExist: true });
  await dataSource.initialize();
  try {
    return await new AuditService(new TransactionRunner(dataSource)).verify();
  } finally {
    await dataSource.destroy();
  }
}
