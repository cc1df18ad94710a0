import { applyDecorators, type Type as Class } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsObject, IsOptional, ValidateNested } from 'class-validator';
import { OutcomeDto } from './outcome.dto.js';
import { PositionOutcomeDto } from './position-outcome.dto.js';

export const MAX_OUTCOMES_PER_BATCH = 5000;

// A list of at most MAX_OUTCOMES_PER_BATCH entries, each an object validated as an instance of
// `entry` (rules listed bottom-up, as applyDecorators applies them in order). ValidateNested alone
// takes an entry that is itself a list as a list of entries, so `[]` passed as an empty one.
function IsBatchOf(entry: Class): PropertyDecorator {
  return applyDecorators(
    Type(() => entry),
    ValidateNested({ each: true }),
    IsObject({ each: true, message: ({ property }) => `${property} must list objects, one for each entry` }),
    ArrayMaxSize(MAX_OUTCOMES_PER_BATCH),
    IsArray(),
  );
}

// Either list may be empty or left out, not both (400).
export class ApplyOutcomesDto {
  @ApiPropertyOptional({ type: [OutcomeDto], maxItems: MAX_OUTCOMES_PER_BATCH, description: 'The transitions' })
  @IsOptional()
  @IsBatchOf(OutcomeDto)
  outcomes?: OutcomeDto[];

  @ApiPropertyOptional({
    type: [PositionOutcomeDto],
    maxItems: MAX_OUTCOMES_PER_BATCH,
    description: "Parties' positions, applied with the outcomes in the same all-or-nothing step",
  })
  @IsOptional()
  @IsBatchOf(PositionOutcomeDto)
  positions?: PositionOutcomeDto[];

  @ApiPropertyOptional({ default: false, description: 'Run every check and show what would change, writing nothing' })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;
}
