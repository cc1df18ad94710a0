import { Command } from 'commander';
import { ConfigError } from '../config/app-config.js';
import { DomainError } from '../common/domain-error.js';
import { outcomesCommand } from './outcomes.command.js';
import { auditCommand } from './audit.command.js';
import { backupCommand } from './backup.command.js';
import { positionsCommand } from './positions.command.js';
import { batchCommand, historyCommand } from './corrections.command.js';
import { reportCommand } from './report.command.js';
import { assessmentsCommand } from './assessments.command.js';
import { editionsCommand } from './editions.command.js';
import { tokensCommand } from './tokens.command.js';
import { exportCommand, importCommand } from './transfer.command.js';

const program = new Command('policy-tracker')
  .description('policy-tracker from the command line; uses DATABASE_URL like the server')
  .addCommand(tokensCommand())
  .addCommand(outcomesCommand())
  .addCommand(historyCommand())
  .addCommand(batchCommand())
  .addCommand(auditCommand())
  .addCommand(backupCommand())
  .addCommand(positionsCommand())
  .addCommand(reportCommand())
  .addCommand(assessmentsCommand())
  .addCommand(editionsCommand())
  .addCommand(exportCommand())
  .addCommand(importCommand());

program.parseAsync(process.argv).catch((error: unknown) => {
  // Expected failures get one clear line; anything else is a bug and keeps its stack.
  if (error instanceof DomainError || error instanceof ConfigError) {
    process.stderr.write(`error: ${error.message}\n`);
    const errors = error instanceof DomainError && error.is('validation_failed') ? error.extensions.errors : [];
    for (const fieldError of errors ?? []) {
      process.stderr.write(`  ${fieldError.field}: ${fieldError.message}\n`);
    }
  } else {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exitCode = 1;
});
