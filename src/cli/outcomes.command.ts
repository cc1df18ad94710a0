import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { DomainError } from '../common/domain-error.js';
import { decodeUtf8Body } from '../common/well-formed-unicode.js';
import type { OutcomesResultView } from '../outcomes/outcomes.view.js';
import { OutcomesService } from '../outcomes/outcomes.service.js';
import { checkedActor } from './actor-option.js';
import { withContext } from './cli-context.js';
import { fileProblem, parseOutcomesFile, type OutcomesFile } from '../outcomes/outcomes-file.js';

export interface ApplyFileOptions {
  readonly dryRun?: boolean;
  readonly meeting?: string;
  readonly actor: string;
}

export function outcomesCommand(): Command {
  const outcomes = new Command('outcomes').description("record a meeting's outcomes for many items at once");

  outcomes
    .command('apply')
    .description('check every outcome in a file, then apply them all in one transaction, or none')
    .argument(
      '<file>',
      'JSON { "meeting", "outcomes": [{ "item", "to", "reason"? }], "positions"?: [{ "item", "party", "stance" }] }, or CSV with item,to,reason',
    )
    .option('--dry-run', 'run every check and show what would change, writing nothing')
    .option('--meeting <slug>', "the meeting, by slug or id (for CSV files; overrides a JSON file's)")
    .option('--actor <name>', 'the name recorded in the history', 'cli')
    .action(async (file: string, options: ApplyFileOptions) => {
      const result = await applyOutcomesFile(file, options);
      console.table(
        result.outcomes.map(({ item, fromState, toState, version, reason }) => ({
          item,
          from: fromState,
          to: toState,
          version,
          reason: shortened(reason ?? ''),
        })),
      );
      if (result.positions?.length) {
        console.table(
          result.positions.map(({ item, party, fromStance, toStance, version }) => ({
            item,
            party,
            from: fromStance,
            to: toStance,
            version,
          })),
        );
      }
      const positions = result.positions?.length ? ` and ${result.positions.length} positions` : '';
      process.stdout.write(
        result.dryRun
          ? `Dry run: all ${result.outcomes.length} outcomes${positions} of ${result.meeting} (${result.effectiveOn}) pass; nothing was written.\n`
          : `Applied ${result.outcomes.length} outcomes${positions} of ${result.meeting}, effective ${result.effectiveOn}, as batch ${result.batch}.\n`,
      );
    });

  return outcomes;
}

function shortened(text: string, length = 60): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

// Through the same service as POST /api/meetings/:key/outcomes; refusals name the file's own lines.
export async function applyOutcomesFile(path: string, options: ApplyFileOptions): Promise<OutcomesResultView> {
  checkedActor(options.actor);
  const file = await readOutcomesFile(path, options.meeting);
  try {
    return await withContext((context) =>
      context
        .get(OutcomesService)
        .apply(
          file.meeting,
          { outcomes: file.outcomes, positions: file.positions, dryRun: options.dryRun ?? false },
          options.actor,
        ),
    );
  } catch (error) {
    throw isBatchRefusal(error) ? located(error, file) : error;
  }
}

// The meeting comes from --meeting, or else from a JSON file's own "meeting".
async function readOutcomesFile(
  path: string,
  meetingOption: string | undefined,
): Promise<OutcomesFile & { meeting: string }> {
  let bytes: Buffer;
  let text: string;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw fileProblem(path, `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  // Bytes that are not UTF-8 are refused, as the API refuses them, rather than read as U+FFFD.
  try {
    text = decodeUtf8Body(bytes);
  } catch {
    throw fileProblem(path, 'is not UTF-8 text');
  }
  const file = await parseOutcomesFile(path, text);
  const meeting = meetingOption ?? file.meeting;
  if (!meeting) {
    throw fileProblem(path, 'names no meeting: pass --meeting <slug> (or give "meeting" in a JSON file)');
  }
  return { ...file, meeting };
}

// The service's refusal, each failing outcome named by where the file wrote it.
function isBatchRefusal(error: unknown): error is DomainError<'outcomes_rejected' | 'validation_failed'> {
  return (
    error instanceof DomainError &&
    (error.is('outcomes_rejected') || error.is('validation_failed')) &&
    error.extensions.failures !== undefined
  );
}

function located(refusal: DomainError<'outcomes_rejected' | 'validation_failed'>, file: OutcomesFile): DomainError {
  const failures = refusal.extensions.failures ?? [];
  return new DomainError(
    refusal.code,
    `${failures.length} of ${file.outcomes.length + file.positions.length} outcomes and positions cannot be applied, so nothing was written:`,
    {
      failures,
      errors: failures.map((failure) => ({
        field: `${file.locate(failure.index, failure.party === undefined ? 'outcomes' : 'positions')} (${failure.item}${failure.party === undefined ? '' : `, ${failure.party}`})`,
        message: `${failure.code}: ${failure.message}`,
      })),
    },
  );
}
