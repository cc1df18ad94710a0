import { ApiProperty } from '@nestjs/swagger';
import type { TokenRole } from './api-token.entity.js';

export class TokenView {
  @ApiProperty()
  name: string;

  @ApiProperty({ enum: ['admin', 'viewer'] })
  role: TokenRole;

  @ApiProperty()
  createdAt: string;

  @ApiProperty({ nullable: true, type: String })
  revokedAt: string | null;
}

export class CreatedTokenView {
  @ApiProperty()
  name: string;

  @ApiProperty({ enum: ['admin', 'viewer'] })
  role: TokenRole;

  @ApiProperty({ description: 'The secret: shown this once, only its hash is stored' })
  token: string;
}

export class TokenList {
  @ApiProperty({ type: [TokenView] })
  data: TokenView[];
}
