import { Command } from 'commander';
import { TOKEN_NAME_PATTERN } from '../auth/dto/create-token.dto.js';
import { DomainError } from '../common/domain-error.js';
import { validateInput } from '../common/validate-input.js';
import { TakePositionDto } from '../items/dto/take-position.dto.js';
import { ItemsService } from '../items/items.service.js';
import { withContext } from './cli-context.js';

interface SetOptions {
  readonly statement?: string;
  readonly source?: string;
  readonly effectiveOn?: string;
  readonly meeting?: string;
  readonly actor: string;
}

export function positionsCommand(): Command {
  const positions = new Command('positions').description("parties' positions on items");

  positions
    .command('set')
    .description("record a party's stance on an item, as POST /api/items/:key/positions")
    .argument('<item>', 'the item, by slug or id')
    .argument('<party>', 'the party, by slug or id')
    .argument('<stance>', 'supports, conditional, undecided or opposes')
    .option('--statement <text>', "the party's statement, in short")
    .option('--source <citation>', 'a citation, URL or document reference')
    .option('--effective-on <day>', "the day it took effect, YYYY-MM-DD (default: the meeting's day, else today)")
    .option('--meeting <slug>', 'the meeting where it was stated')
    .option('--actor <name>', 'the name recorded in the history', 'cli')
    .action(async (item: string, party: string, stance: string, options: SetOptions) => {
      if (options.actor.length > 64 || !TOKEN_NAME_PATTERN.test(options.actor)) {
        throw DomainError.validation([
          { field: '--actor', message: 'must be 1 to 64 letters, digits or . _ @ -, starting with a letter or digit' },
        ]);
      }
      const dto = await validateInput(TakePositionDto, {
        party,
        stance,
        statement: options.statement,
        source: options.source,
        effectiveOn: options.effectiveOn,
        meeting: options.meeting,
      });
      const result = await withContext((context) =>
        context.get(ItemsService).takePosition(item, dto, undefined, options.actor),
      );
      const standing = result.positions.map((one) => `${one.party} ${one.stance} since ${one.since}`);
      process.stdout.write(`${result.slug} is at version ${result.version}; positions: ${standing.join(', ')}.\n`);
    });

  return positions;
}
