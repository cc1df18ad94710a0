import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { CHECKPOINTS_PATTERN } from '../checkpoint.js';

export class VerifyAuditQuery {
  @ApiPropertyOptional({
    description:
      'A published head `<hash>:<count>` (or several, comma-separated, at most 8,000 characters): the first <count> events must still hash to it',
    example: '3f5a9c0e7b2d4a61c8e5f0a9b3d7c1e4f6a2b8d0c9e7f5a3b1d2c4e6f8a0b2c4:120',
    pattern: CHECKPOINTS_PATTERN.source,
  })
  @IsOptional()
  @IsString()
  @MaxLength(8000)
  @Matches(CHECKPOINTS_PATTERN, {
    message:
      'must be <hash>:<count> (64 lower-case hex digits, a colon, a count of 1 or more), comma-separated for several',
  })
  against?: string;
}
