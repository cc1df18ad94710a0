import { IsIn, IsString, Length, Matches } from 'class-validator';
import type { TokenRole } from '../../auth/api-token.entity.js';
import { TOKEN_NAME_PATTERN } from '../../auth/dto/create-token.dto.js';
import { IsPrintableLine } from '../../common/validators.js';
import { IsPassword } from './password.js';

export class CreateAccountDto {
  // Recorded as the actor in the history, as a token's name is: the same rule.
  @IsString()
  @Length(1, 64)
  @Matches(TOKEN_NAME_PATTERN, {
    message: 'may hold letters, digits and . _ @ - and must start with a letter or digit',
  })
  username: string;

  @IsPrintableLine(100)
  displayName: string;

  @IsIn(['admin', 'viewer'], { message: 'must be admin or viewer' })
  role: TokenRole;

  @IsPassword()
  password: string;
}
