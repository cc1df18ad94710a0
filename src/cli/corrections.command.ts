import { Command } from 'commander';
import { validateInput } from '../common/validate-input.js';
import { CorrectionsService } from '../corrections/corrections.service.js';
import { AmendmentNoteDto } from '../corrections/dto/amendment-note.dto.js';
import { CorrectEventDto } from '../corrections/dto/correct-event.dto.js';
import { EventPathParams } from '../corrections/dto/event-path.params.js';
import { RetractBatchDto } from '../corrections/dto/retract-batch.dto.js';
import { checkedActor } from './actor-option.js';
import { withContext } from './cli-context.js';

interface CorrectOptions {
  note: string;
  effectiveOn?: string;
  // false from --no-meeting / --no-source: clear it.
  meeting?: string | false;
  source?: string | false;
  reason?: string;
  actor: string;
}

// The same services as POST /api/items/:key/history/:seq/correction, …/retraction and
// /api/batches/:id/retraction; each prints the answer the API would give, as JSON.
export function historyCommand(): Command {
  const history = new Command('history').description("correct or retract an item's recorded transitions and positions");

  history
    .command('correct')
    .description(
      "correct a transition's or a position's effective date, meeting, source or reason (appends a corrected event)",
    )
    .argument('<item>', 'the item, by slug or id')
    .argument('<seq>', "the event's seq in the item history")
    .requiredOption('--note <text>', 'why the record is corrected')
    .option('--effective-on <day>', 'the corrected effective date, YYYY-MM-DD')
    .option('--meeting <slug>', 'the corrected meeting, by slug or id')
    .option('--no-meeting', 'clear the meeting')
    .option('--source <text>', 'the corrected citation')
    .option('--no-source', 'clear the source')
    .option('--reason <text>', "the corrected reason (a position's statement)")
    .option('--actor <name>', 'the name recorded in the history', 'cli')
    .action(async (item: string, seq: string, options: CorrectOptions) => {
      const path = await validateInput(EventPathParams, { key: item, seq });
      const dto = await validateInput(CorrectEventDto, {
        note: options.note,
        effectiveOn: options.effectiveOn,
        meeting: options.meeting === false ? null : options.meeting,
        source: options.source === false ? null : options.source,
        reason: options.reason,
      });
      const actor = checkedActor(options.actor);
      print(await withContext((context) => context.get(CorrectionsService).correct(path.key, path.seq, dto, actor)));
    });

  history
    .command('retract')
    .description(
      "withdraw the item's latest standing transition, or a party's latest standing position on it (appends a retracted event)",
    )
    .argument('<item>', 'the item, by slug or id')
    .argument('<seq>', "the event's seq in the item history")
    .requiredOption('--note <text>', 'why it is withdrawn')
    .option('--actor <name>', 'the name recorded in the history', 'cli')
    .action(async (item: string, seq: string, options: { note: string; actor: string }) => {
      const path = await validateInput(EventPathParams, { key: item, seq });
      const { note } = await validateInput(AmendmentNoteDto, { note: options.note });
      const actor = checkedActor(options.actor);
      print(await withContext((context) => context.get(CorrectionsService).retract(path.key, path.seq, note, actor)));
    });

  return history;
}

export function batchCommand(): Command {
  const batch = new Command('batch').description('withdraw a whole outcomes batch');

  batch
    .command('retract')
    .description('retract every standing transition and position of one outcomes batch, all or nothing')
    .argument('<id>', 'the batch id, as the outcomes answer and the history name it')
    .requiredOption('--note <text>', 'why the batch is withdrawn')
    .option('--dry-run', 'run every check and show what would change, writing nothing')
    .option('--actor <name>', 'the name recorded in the history', 'cli')
    .action(async (id: string, options: { note: string; dryRun?: boolean; actor: string }) => {
      const dto = await validateInput(RetractBatchDto, { note: options.note, dryRun: options.dryRun ?? false });
      const actor = checkedActor(options.actor);
      print(await withContext((context) => context.get(CorrectionsService).retractBatch(id, dto, actor)));
    });

  return batch;
}

function print(answer: unknown): void {
  process.stdout.write(`${JSON.stringify(answer, null, 2)}\n`);
}
