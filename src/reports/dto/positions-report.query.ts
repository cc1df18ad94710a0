import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { StatusReportQuery } from './status-report.query.js';

export class PositionsReportQuery extends StatusReportQuery {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    default: 'false',
    description: 'true: only the items where one party opposes while another supports or is conditional',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  divergent?: 'true' | 'false';
}
