import { PickType } from '@nestjs/swagger';
import { ReportScopeQuery } from './report-scope.query.js';

export class EditionReportQuery extends PickType(ReportScopeQuery, ['format'] as const) {}
