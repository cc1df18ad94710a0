import { statSync } from 'node:fs';
import { Command } from 'commander';
import { auditSqliteFile } from '../audit/audit-file.js';
import { backupSqliteFile, sqliteFileOf, type BackupProgress } from '../backup/sqlite-backup.js';
import { loadConfig } from '../config/app-config.js';
import { describeReport } from './audit.command.js';

// Progress lines only for copies that take a noticeable time: about 40 MB of 4 KiB pages.
const PROGRESS_FROM_PAGES = 10_000;

export function backupCommand(): Command {
  return new Command('backup')
    .description('copy the SQLite database while the server runs, then verify the copy; never overwrites')
    .argument('<file>', 'where to write the copy')
    .action(async (file: string) => {
      const source = sqliteFileOf(loadConfig().database);
      const started = performance.now();
      await backupSqliteFile(source, file, printProgress);
      const megabytes = (statSync(file).size / 1024 / 1024).toFixed(1);
      process.stdout.write(
        `Copied ${source} to ${file} (${megabytes} MB) in ${Math.round(performance.now() - started)} ms.\n`,
      );
      const report = await auditSqliteFile(file);
      process.stdout.write(`The copy: ${describeReport(report)}`);
      if (!report.ok) {
        process.exitCode = 1;
      }
    });
}

function printProgress({ totalPages, remainingPages }: BackupProgress): void {
  if (totalPages >= PROGRESS_FROM_PAGES) {
    const percent = Math.floor((100 * (totalPages - remainingPages)) / totalPages);
    process.stderr.write(`backup: ${percent}% of ${totalPages} pages\n`);
  }
}
