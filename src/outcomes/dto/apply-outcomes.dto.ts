import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsOptional, ValidateNested } from 'class-validator';
import { OutcomeDto } from './outcome.dto.js';

export const MAX_OUTCOMES_PER_BATCH = 5000;

export class ApplyOutcomesDto {
  @ApiProperty({ type: [OutcomeDto], minItems: 1, maxItems: MAX_OUTCOMES_PER_BATCH })
  @IsArray()
  @ArrayMinSize(1, { message: 'must list at least one outcome' })
  @ArrayMaxSize(MAX_OUTCOMES_PER_BATCH)
  @ValidateNested({ each: true })
  @Type(() => OutcomeDto)
  outcomes: OutcomeDto[];

  @ApiPropertyOptional({ default: false, description: 'Run every check and show what would change, writing nothing' })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;
}
