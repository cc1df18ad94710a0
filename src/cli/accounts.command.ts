import { randomBytes } from 'node:crypto';
import { Command, Option } from 'commander';
import { AccountsService } from '../accounts/accounts.service.js';
import { CreateAccountDto } from '../accounts/dto/create-account.dto.js';
import type { TokenRole } from '../auth/api-token.entity.js';
import { validateInput } from '../common/validate-input.js';
import { withContext } from './cli-context.js';

export function accountsCommand(): Command {
  const accounts = new Command('accounts').description(
    'create and list the accounts people sign in to the console with',
  );

  // The first admin of a new tracker is made here; after that admins make accounts in the console.
  accounts
    .command('create')
    .description('create an account and print its initial password once')
    .argument('<username>', 'the name recorded as the actor in the history')
    .requiredOption('--display-name <name>', 'the person’s name, as the console shows it')
    .addOption(new Option('--role <role>', 'what the account may do').choices(['admin', 'viewer']).default('viewer'))
    .action(async (username: string, options: { displayName: string; role: TokenRole }) => {
      // 18 random bytes: 24 characters, typed once and then changed by its owner.
      const password = randomBytes(18).toString('base64url');
      const input = await validateInput(CreateAccountDto, {
        username,
        displayName: options.displayName,
        role: options.role,
        password,
      });
      const created = await withContext((context) => context.get(AccountsService).create(input));
      process.stdout.write(
        `Created ${created.role} account "${created.username}" (${created.displayName}). Its initial password, shown this once:\n\n  ${password}\n\nSign in at /sign-in and change it under Your account.\n`,
      );
    });

  accounts
    .command('list')
    .description('list accounts: usernames, names, roles and dates (never passwords)')
    .action(async () => {
      const list = await withContext((context) => context.get(AccountsService).list());
      console.table(list.map((account) => ({ ...account, disabledAt: account.disabledAt ?? '' })));
    });

  return accounts;
}
