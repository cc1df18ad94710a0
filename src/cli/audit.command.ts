import { Command } from 'commander';
import type { AuditReport } from '../audit/audit-report.view.js';
import { AuditService, storageCorrupt } from '../audit/audit.service.js';
import { StorageIntegrityError } from '../database/storage-integrity.js';
import { formatCheckpoint } from '../audit/checkpoint.js';
import { VerifyAuditQuery } from '../audit/dto/verify-audit.query.js';
import { validateInput } from '../common/validate-input.js';
import { withContext } from './cli-context.js';

export function auditCommand(): Command {
  const audit = new Command('audit').description('check that the history was not rewritten');

  audit
    .command('verify')
    .description('recompute the hash chain and check every item against its history; exit code 1 if not ok')
    .option('--against <hash:count>', 'a head published earlier (several: comma-separated) that the history must match')
    .action(async (options: { against?: string }) => {
      const query = await validateInput(VerifyAuditQuery, options);
      // A file too damaged to open is the audit's finding, not a crash.
      const report = await withContext((context) => context.get(AuditService).verify(query)).catch((error: unknown) => {
        if (error instanceof StorageIntegrityError) {
          return storageCorrupt(error.message);
        }
        throw error;
      });
      process.stdout.write(describeReport(report));
      if (!report.ok) {
        process.exitCode = 1;
      }
    });

  audit
    .command('head')
    .description('print the current head as <hash>:<count>, the checkpoint to record outside the tracker')
    .action(async () => {
      const head = await withContext((context) => context.get(AuditService).head());
      process.stdout.write(`${formatCheckpoint(head)}\n`);
    });

  return audit;
}

export function describeReport(report: AuditReport): string {
  if (report.ok) {
    const matched = report.checkpoints.map((checkpoint) => `  matches ${formatCheckpoint(checkpoint)}\n`).join('');
    return (
      `ok: ${report.events} events; every hash, link and item checks out.\n${matched}` +
      `head (record it as a checkpoint): ${formatCheckpoint({ hash: report.head, events: report.events })}\n`
    );
  }
  const { kind, eventId, item, seq, message } = report.firstProblem;
  const where = [
    eventId === undefined ? undefined : `event #${eventId}`,
    item === undefined ? undefined : `item ${item}`,
    seq === undefined ? undefined : `seq ${seq}`,
  ].filter(Boolean);
  return (
    `NOT OK after ${report.events} good events: ${kind}${where.length > 0 ? ` at ${where.join(', ')}` : ''}\n` +
    `  ${message}\n`
  );
}
