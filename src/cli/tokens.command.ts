import { Command, Option } from 'commander';
import type { TokenRole } from '../auth/api-token.entity.js';
import { CreateTokenDto } from '../auth/dto/create-token.dto.js';
import { TokensService } from '../auth/tokens.service.js';
import { validateInput } from '../common/validate-input.js';
import { withContext } from './cli-context.js';

export function tokensCommand(): Command {
  const tokens = new Command('tokens').description('create, list and revoke API tokens');

  tokens
    .command('create')
    .description('create a token and print its secret once')
    .argument('<name>', 'the name recorded as the actor in the history')
    .addOption(new Option('--role <role>', 'what the token may do').choices(['admin', 'viewer']).default('viewer'))
    .action(async (name: string, options: { role: TokenRole }) => {
      const input = await validateInput(CreateTokenDto, { name, role: options.role });
      const created = await withContext((context) => context.get(TokensService).create(input.name, input.role));
      process.stdout.write(
        `Created ${created.role} token "${created.name}". Its secret, shown this once:\n\n  ${created.token}\n\n`,
      );
    });

  tokens
    .command('list')
    .description('list token names, roles and dates (never secrets)')
    .action(async () => {
      const { data } = await withContext((context) => context.get(TokensService).list());
      console.table(data.map((token) => ({ ...token, revokedAt: token.revokedAt ?? '' })));
    });

  tokens
    .command('revoke')
    .description('revoke a token; it stops working at once')
    .argument('<name>')
    .action(async (name: string) => {
      await withContext((context) => context.get(TokensService).revoke(name));
      process.stdout.write(`Revoked token "${name}".\n`);
    });

  return tokens;
}
