import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, Min, MinLength } from 'class-validator';
import { MULTILINE_TEXT_PATTERN, PRINTABLE_MESSAGE, PRINTABLE_PATTERN } from '../../common/validators.js';
import { WORKFLOW_STATES, type WorkflowState } from '../../workflow/workflow.definition.js';

// One decision of a meeting about one item.
export class OutcomeDto {
  @ApiProperty({ description: 'The item, by id or slug', example: 'joint-threat-review', minLength: 1, maxLength: 64 })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  @Matches(PRINTABLE_PATTERN, { message: PRINTABLE_MESSAGE })
  item: string;

  @ApiProperty({ enum: WORKFLOW_STATES, example: 'agreed' })
  @IsIn(WORKFLOW_STATES)
  to: WorkflowState;

  @ApiPropertyOptional({ maxLength: 2000, description: 'Required where the workflow says so' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @Matches(MULTILINE_TEXT_PATTERN, { message: PRINTABLE_MESSAGE })
  reason?: string;

  @ApiPropertyOptional({
    maxLength: 500,
    description: 'A citation, URL or document reference',
    example: 'NRC Joint Statement, Lisbon, 20 November 2010',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  @Matches(MULTILINE_TEXT_PATTERN, { message: PRINTABLE_MESSAGE })
  source?: string;

  @ApiPropertyOptional({ minimum: 1, description: "When given, the item's current version must equal it (else 412)" })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}
