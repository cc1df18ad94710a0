import { IsIn, IsOptional } from 'class-validator';
import { IsCalendarDate, IsPrintableLine, IsWholeNumber, ToQueryInteger } from '../common/validators.js';
import { EVENT_ACTIONS, type EventAction } from '../history/history-event.types.js';

// The activity log's filters, as its GET form sends them (empty fields left out first).
export class ActivityQuery {
  @IsOptional()
  @IsPrintableLine(64)
  actor?: string;

  @IsOptional()
  @IsPrintableLine(200)
  item?: string;

  @IsOptional()
  @IsPrintableLine(200)
  meeting?: string;

  @IsOptional()
  @IsIn(EVENT_ACTIONS, { message: 'must be one of the listed changes' })
  action?: EventAction;

  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @IsOptional()
  @ToQueryInteger()
  @IsWholeNumber(1)
  before?: number;
}
