import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { AccountRepository } from './account.repository.js';
import { AccountsService } from './accounts.service.js';
import { PasswordHasher } from './password-hasher.js';

// People who sign in to the console with a username and a password (programs use API tokens).
@Module({
  imports: [AuthModule],
  providers: [AccountsService, AccountRepository, PasswordHasher],
  exports: [AccountsService],
})
export class AccountsModule {}
