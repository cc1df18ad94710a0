import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsCalendarDate, IsNotFutureDate } from '../../common/validators.js';

// For a score matrix (text/csv), what the JSON body would carry beside its entries.
export class MatrixQueryDto {
  @ApiPropertyOptional({
    format: 'date',
    description: 'With a text/csv body (required then): the day the monitoring period ends, not in the future',
  })
  @IsOptional()
  @IsCalendarDate()
  @IsNotFutureDate()
  effectiveOn?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'With a text/csv body: true runs the checks only' })
  @IsOptional()
  @IsIn(['true', 'false'])
  dryRun?: 'true' | 'false';
}
