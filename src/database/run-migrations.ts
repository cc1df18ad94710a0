import { MigrationExecutor, type DataSource } from 'typeorm';
import { withMigrationLock } from './postgres-locks.js';

// Runs the pending migrations; on PostgreSQL under an advisory lock, because several instances may
// start at once on one database and TypeORM itself does not serialise them.
export async function runMigrations(dataSource: DataSource): Promise<void> {
  const queryRunner = dataSource.createQueryRunner();
  try {
    const executor = new MigrationExecutor(dataSource, queryRunner);
    executor.transaction = dataSource.options.migrationsTransactionMode ?? 'all';
    if (dataSource.options.type === 'postgres') {
      await withMigrationLock(queryRunner, () => executor.executePendingMigrations());
    } else {
      await executor.executePendingMigrations();
    }
  } finally {
    await queryRunner.release();
  }
}
