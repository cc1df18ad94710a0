import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches } from 'class-validator';
import type { TokenRole } from '../api-token.entity.js';

export const TOKEN_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@-]*$/;

export class CreateTokenDto {
  @ApiProperty({
    minLength: 1,
    maxLength: 64,
    pattern: TOKEN_NAME_PATTERN.source,
    description: 'Recorded as the actor in the history',
    example: 'jane.analyst',
  })
  @IsString()
  @Length(1, 64)
  @Matches(TOKEN_NAME_PATTERN, {
    message: 'may hold letters, digits and . _ @ - and must start with a letter or digit',
  })
  name: string;

  @ApiProperty({ enum: ['admin', 'viewer'] })
  @IsIn(['admin', 'viewer'])
  role: TokenRole;
}
