import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { Command, Option } from 'commander';
import { validateInput } from '../common/validate-input.js';
import { ChangesReportQuery } from '../reports/dto/changes-report.query.js';
import { ComplianceReportQuery } from '../reports/dto/compliance-report.query.js';
import { PositionsReportQuery } from '../reports/dto/positions-report.query.js';
import { RevisionsReportQuery } from '../reports/dto/revisions-report.query.js';
import { StatusReportQuery } from '../reports/dto/status-report.query.js';
import { REPORT_FORMATS, type ReportFormat } from '../reports/report-format.js';
import { ReportsService } from '../reports/reports.service.js';
import { withContext } from './cli-context.js';

// The command line is one client of the report builds, whoever runs it.
const CLI_CLIENT = 'command line';

interface ScopeOptions {
  knownAt?: string;
  category?: string;
  proposedBy?: string;
  format?: ReportFormat;
  out?: string;
}

const FORMAT_BY_EXTENSION: Readonly<Record<string, ReportFormat>> = {
  '.json': 'json',
  '.csv': 'csv',
  '.md': 'md',
  '.html': 'html',
  '.htm': 'html',
};

export function reportCommand(): Command {
  const report = new Command('report').description(
    'status, changes, positions and compliance reports rebuilt from the history, as the API',
  );

  withScopeOptions(
    report
      .command('status')
      .description("every item's state as of a day")
      .option('--as-of <day>', 'the day, YYYY-MM-DD (default today)'),
  ).action(async (options: ScopeOptions & { asOf?: string }) => {
    const query = await validateInput(StatusReportQuery, { ...scopeInput(options), asOf: options.asOf });
    const format = query.format ?? 'json';
    await emit(
      await withContext((context) => context.get(ReportsService).statusDocument(query, format, CLI_CLIENT)),
      options.out,
    );
  });

  withScopeOptions(
    report
      .command('positions')
      .description("each party's position on each item as of a day")
      .option('--as-of <day>', 'the day, YYYY-MM-DD (default today)')
      .option('--divergent', 'only the items where one party opposes while another supports or is conditional'),
  ).action(async (options: ScopeOptions & { asOf?: string; divergent?: boolean }) => {
    const query = await validateInput(PositionsReportQuery, {
      ...scopeInput(options),
      asOf: options.asOf,
      divergent: options.divergent ? 'true' : undefined,
    });
    const format = query.format ?? 'json';
    await emit(
      await withContext((context) => context.get(ReportsService).positionsDocument(query, format, CLI_CLIENT)),
      options.out,
    );
  });

  withScopeOptions(
    report
      .command('compliance')
      .description("each party's compliance score on each item as of a day, with the averages")
      .option('--as-of <day>', 'the day, YYYY-MM-DD (default today)')
      .option('--parties <slugs>', 'the party columns, comma-separated, in order')
      .option('--compare-to <edition>', 'a compliance edition to compare with'),
  ).action(async (options: ScopeOptions & { asOf?: string; parties?: string; compareTo?: string }) => {
    const query = await validateInput(ComplianceReportQuery, {
      ...scopeInput(options),
      asOf: options.asOf,
      parties: options.parties,
      compareTo: options.compareTo,
    });
    await emit(
      await withContext((context) =>
        context.get(ReportsService).complianceDocument(query, query.format ?? 'json', CLI_CLIENT),
      ),
      options.out,
    );
  });

  withScopeOptions(
    report
      .command('changes')
      .description('the transitions effective in a window, both ends included')
      .requiredOption('--from <day>', 'first day, YYYY-MM-DD')
      .option('--to <day>', 'last day, YYYY-MM-DD (default today)'),
  ).action(async (options: ScopeOptions & { from: string; to?: string }) => {
    const query = await validateInput(ChangesReportQuery, {
      ...scopeInput(options),
      from: options.from,
      to: options.to,
    });
    const format = query.format ?? 'json';
    await emit(
      await withContext((context) => context.get(ReportsService).changesDocument(query, format, CLI_CLIENT)),
      options.out,
    );
  });

  const revisions = report
    .command('revisions')
    .description('how the status for a day changed between two instants: the correction notice')
    .option('--as-of <day>', 'the day, YYYY-MM-DD (default today)')
    .requiredOption('--from <instant>', 'the earlier instant, ISO 8601 with a zone (2010-11-21T18:00:00Z)')
    .option('--to <instant>', 'the later instant, ISO 8601 with a zone (default now)');
  withOutputOptions(revisions).action(
    async (options: { asOf?: string; from: string; to?: string; format?: ReportFormat; out?: string }) => {
      const query = await validateInput(RevisionsReportQuery, {
        asOf: options.asOf,
        from: options.from,
        to: options.to,
        format: formatOption(options),
      });
      const format = query.format ?? 'json';
      await emit(
        await withContext((context) => context.get(ReportsService).revisionsDocument(query, format, CLI_CLIENT)),
        options.out,
      );
    },
  );

  return report;
}

function withScopeOptions(command: Command): Command {
  command
    .option('--known-at <instant>', 'only events recorded by then, ISO 8601 with a zone (2010-11-27T09:00:00Z)')
    .option('--category <category>', 'only items of this category')
    .option('--proposed-by <proposer>', 'only items proposed by this party');
  return withOutputOptions(command);
}

function withOutputOptions(command: Command): Command {
  return command
    .addOption(
      new Option('--format <format>', 'output format (default: from the --out extension, else json)').choices(
        REPORT_FORMATS,
      ),
    )
    .option('--out <file>', 'write to this file instead of standard output');
}

function scopeInput(options: ScopeOptions): Record<string, string | undefined> {
  return {
    knownAt: options.knownAt,
    category: options.category,
    proposedBy: options.proposedBy,
    format: formatOption(options),
  };
}

// --format, else the --out file's extension.
function formatOption(options: { format?: ReportFormat; out?: string }): ReportFormat | undefined {
  return options.format ?? (options.out ? FORMAT_BY_EXTENSION[extname(options.out).toLowerCase()] : undefined);
}

async function emit(document: Buffer, out: string | undefined): Promise<void> {
  if (out) {
    await writeFile(out, document);
    process.stderr.write(`Wrote ${out}\n`);
  } else {
    const text = document.toString('utf8');
    process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  }
}
