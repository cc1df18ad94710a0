import { Command } from 'commander';
import { failureReport } from './failure-report.js';
import { outcomesCommand } from './outcomes.command.js';
import { auditCommand } from './audit.command.js';
import { backupCommand } from './backup.command.js';
import { positionsCommand } from './positions.command.js';
import { batchCommand, historyCommand } from './corrections.command.js';
import { reportCommand } from './report.command.js';
import { assessmentsCommand } from './assessments.command.js';
import { editionsCommand } from './editions.command.js';
import { tokensCommand } from './tokens.command.js';
import { accountsCommand } from './accounts.command.js';
import { exportCommand, importCommand } from './transfer.command.js';

const program = new Command('policy-tracker')
  .description('policy-tracker from the command line; uses DATABASE_URL like the server')
  .addCommand(tokensCommand())
  .addCommand(accountsCommand())
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
  process.stderr.write(failureReport(error));
  process.exitCode = 1;
});
