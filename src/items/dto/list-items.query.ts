import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsPrintableLine, IsWholeNumber, ToQueryInteger } from '../../common/validators.js';
import { STANCES, type Stance } from '../../parties/stance.js';
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

  @ApiPropertyOptional({ maxLength: 64 })
  @IsOptional()
  @IsPrintableLine(64, 0)
  category?: string;

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @IsPrintableLine(100, 0)
  proposedBy?: string;

  @ApiPropertyOptional({
    maxLength: 200,
    description: 'Text in title or summary, case-insensitive; % and _ match themselves',
  })
  @IsOptional()
  @IsPrintableLine(200, 0)
  q?: string;

  @ApiPropertyOptional({
    maxLength: 64,
    description:
      'A party (id or slug): only the items it has taken a position on, or with stance, where its current position is that stance. A party that does not exist matches no item.',
    example: 'united-states',
  })
  @IsOptional()
  @IsPrintableLine(64, 0)
  party?: string;

  @ApiPropertyOptional({
    enum: STANCES,
    description: "Only the items where the party's current stance (without party: some party's) is this one",
  })
  @IsOptional()
  @IsIn(STANCES)
  stance?: Stance;

  @ApiPropertyOptional({ enum: ITEM_SORTS, default: 'slug', description: 'A field, descending with a leading -' })
  @IsOptional()
  @IsIn(ITEM_SORTS)
  sort?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @ToQueryInteger()
  @IsWholeNumber(1, 200)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 999_999_999, default: 0 })
  @IsOptional()
  @ToQueryInteger()
  @IsWholeNumber(0, 999_999_999)
  offset?: number;
}
