import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { Command } from 'commander';
import { DomainError } from '../common/domain-error.js';
import { validateInput } from '../common/validate-input.js';
import { AssessmentsService } from '../compliance/assessments.service.js';
import type { AssessmentsResultView } from '../compliance/assessments.view.js';
import { ApplyAssessmentsDto } from '../compliance/dto/apply-assessments.dto.js';
import { checkedActor } from './actor-option.js';
import { withContext } from './cli-context.js';

interface ApplyOptions {
  readonly effectiveOn: string;
  readonly dryRun?: boolean;
  readonly actor: string;
}

export function assessmentsCommand(): Command {
  const assessments = new Command('assessments').description("parties' compliance scores, as POST /api/assessments");

  assessments
    .command('apply')
    .description('check every score of a file, then record them all in one transaction, or none')
    .argument(
      '<file>',
      'the score matrix as CSV (item,<party>,…; cells 1, +1, 0, -1, n/a or empty), or JSON { "assessments": [{ "item", "party", "score", "evidence"?, "source"? }] }',
    )
    .requiredOption('--effective-on <day>', 'the day the monitoring period ends, YYYY-MM-DD')
    .option('--dry-run', 'run every check and show what would change, writing nothing')
    .option('--actor <name>', 'the name recorded in the history', 'cli')
    .action(async (file: string, options: ApplyOptions) => {
      const result = await applyAssessmentsFile(file, options);
      console.table(result.results.map(({ item, party, from, to, seq }) => ({ item, party, from, to, seq })));
      process.stdout.write(
        result.dryRun
          ? `Dry run: all ${result.results.length} scores (${result.effectiveOn}) pass; nothing was written.\n`
          : `Recorded ${result.results.length} scores, effective ${result.effectiveOn}, as batch ${result.batch}.\n`,
      );
    });

  return assessments;
}

// Through the same service as the API; a refusal lists each failing cell on its own line.
export async function applyAssessmentsFile(path: string, options: ApplyOptions): Promise<AssessmentsResultView> {
  const actor = checkedActor(options.actor);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw DomainError.validation([
      { field: path, message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` },
    ]);
  }
  const dryRun = options.dryRun ?? false;
  try {
    return await withContext(async (context) => {
      const service = context.get(AssessmentsService);
      if (extname(path).toLowerCase() !== '.json') {
        return service.applyMatrix(text, options.effectiveOn, dryRun, actor);
      }
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        throw DomainError.validation([{ field: path, message: 'is not JSON' }]);
      }
      const dto = await validateInput(ApplyAssessmentsDto, {
        ...(body as object),
        effectiveOn: options.effectiveOn,
        dryRun,
      });
      return service.apply(dto, actor);
    });
  } catch (error) {
    throw error instanceof DomainError && (error.is('assessments_rejected') || error.is('assessments_invalid'))
      ? DomainError.validation(
          error.extensions.failures.map((failure) => ({
            field: `${failure.line === undefined ? `entry ${failure.index}` : `line ${failure.line}`} (${failure.item}, ${failure.party})`,
            message: `${failure.code}: ${failure.detail}`,
          })),
          `${error.message}`,
        )
      : error;
  }
}
