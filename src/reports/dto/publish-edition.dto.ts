import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsObject } from 'class-validator';
import { IsPrintableLine, IsSlug } from '../../common/validators.js';
import { EDITION_REPORTS, type EditionReportKind } from './edition-query.js';

export class PublishEditionDto {
  @ApiProperty({ example: 'interim-2011', minLength: 3, maxLength: 64 })
  @IsSlug()
  slug: string;

  @ApiProperty({ example: '2011 NRC interim compliance report', minLength: 1, maxLength: 200 })
  @IsPrintableLine(200)
  title: string;

  @ApiProperty({ enum: EDITION_REPORTS })
  @IsIn(EDITION_REPORTS)
  report: EditionReportKind;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: "That report's query parameters (knownAt and format excepted), as strings",
    example: { asOf: '2011-06-30' },
  })
  @IsObject()
  query: Record<string, unknown>;
}
