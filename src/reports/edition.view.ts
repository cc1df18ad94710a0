import { ApiProperty } from '@nestjs/swagger';
import { EDITION_REPORTS, type EditionReportKind } from './dto/edition-query.js';
import { HistoryHeadView } from './status-report.view.js';

export class EditionView {
  @ApiProperty({ example: 'interim-2011' })
  slug: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ enum: EDITION_REPORTS })
  report: EditionReportKind;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: "The report's query as published (its day filled in when it was left out)",
  })
  query: Record<string, string>;

  @ApiProperty({ type: HistoryHeadView, description: 'The edition is the report built from these first events' })
  head: HistoryHeadView;

  @ApiProperty({ description: 'ISO 8601 UTC' })
  publishedAt: string;

  @ApiProperty({ example: 'bootstrap' })
  publishedBy: string;
}

export class EditionPage {
  @ApiProperty({ type: [EditionView], description: 'Newest first' })
  data: EditionView[];
}
