import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsWholeNumber, ToQueryInteger } from '../../common/validators.js';

export const DEFAULT_HISTORY_PAGE = 100;
export const MAX_HISTORY_PAGE = 1000;

// An item's history is read a page at a time: an item edited thousands of times would otherwise
// be answered (and held in memory) whole, for every reader at once.
export class HistoryPageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_HISTORY_PAGE, default: DEFAULT_HISTORY_PAGE })
  @IsOptional()
  @ToQueryInteger()
  @IsWholeNumber(1, MAX_HISTORY_PAGE)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, description: 'A seq: the page starts with the event after it' })
  @IsOptional()
  @ToQueryInteger()
  @IsWholeNumber(0)
  after?: number;
}
