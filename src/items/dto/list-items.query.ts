import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { WORKFLOW_STATES, type WorkflowState } from '../../workflow/workflow.definition.js';

export const ITEM_SORT_FIELDS = [
  'slug',
  'title',
  'category',
  'proposedBy',
  'proposedOn',
  'state',
  'stateSince',
  'createdAt',
  'updatedAt',
] as const;
export type ItemSortField = (typeof ITEM_SORT_FIELDS)[number];
export const ITEM_SORTS = ITEM_SORT_FIELDS.flatMap((field) => [field, `-${field}`]);

export class ListItemsQuery {
  @ApiPropertyOptional({ enum: WORKFLOW_STATES })
  @IsOptional()
  @IsIn(WORKFLOW_STATES)
  state?: WorkflowState;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  category?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  proposedBy?: string;

  @ApiPropertyOptional({ description: 'Text in title or summary, case-insensitive; % and _ match themselves' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: ITEM_SORTS, default: 'slug', description: 'A field, descending with a leading -' })
  @IsOptional()
  @IsIn(ITEM_SORTS)
  sort?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;
}
