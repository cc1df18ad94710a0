import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsCalendarDate, IsMultilineText, IsNotFutureDate, IsPrintableLine } from '../../common/validators.js';
import { WORKFLOW_STATES, type WorkflowState } from '../../workflow/workflow.definition.js';

export class TransitionItemDto {
  @ApiProperty({ enum: WORKFLOW_STATES, example: 'agreed' })
  @IsIn(WORKFLOW_STATES)
  to: WorkflowState;

  @ApiPropertyOptional({ maxLength: 2000, description: 'Required where the workflow says so' })
  @IsOptional()
  @IsMultilineText(2000)
  reason?: string;

  @ApiPropertyOptional({
    format: 'date',
    description:
      "The day it took effect (YYYY-MM-DD): not in the future, not before the item's stateSince. Defaults to the meeting's day when a meeting is given, otherwise today.",
  })
  @IsOptional()
  @IsCalendarDate()
  @IsNotFutureDate()
  effectiveOn?: string;

  @ApiPropertyOptional({ maxLength: 64, description: 'The deciding meeting, by id or slug' })
  @IsOptional()
  @IsPrintableLine(64)
  meeting?: string;

  @ApiPropertyOptional({
    maxLength: 500,
    description: 'A citation, URL or document reference',
    example: 'NRC Joint Statement, Lisbon, 20 November 2010',
  })
  @IsOptional()
  @IsMultilineText(500)
  source?: string;
}
