import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { AmendmentNoteDto } from './amendment-note.dto.js';

export class RetractBatchDto extends AmendmentNoteDto {
  @ApiPropertyOptional({ default: false, description: 'Run every check and show what would change, writing nothing' })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;
}
