import { NULLABLE_SCORE_SCHEMA, SCORE_SCHEMA } from '../assessments/score-schema.js';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Score } from '../assessments/score.js';
import { ReportScopeView } from './status-report.view.js';

const NULLABLE_NUMBER = { type: Number, nullable: true };

export interface ComplianceCellView {
  score: Score;
  since: string;
}

export class ComplianceTallyView {
  @ApiProperty({
    ...NULLABLE_NUMBER,
    description: 'The mean of the numeric scores, rounded half away from zero to 2 decimals; null when none',
    example: 0.4,
  })
  average: number | null;

  @ApiProperty({
    ...NULLABLE_NUMBER,
    description: '(mean + 1) / 2 × 100 from the exact mean, rounded half up to a whole number; null when none',
    example: 70,
  })
  percent: number | null;
}

export class ComplianceScoredView extends ComplianceTallyView {
  @ApiProperty({ description: 'How many numeric scores (n/a and empty cells are left out)', example: 21 })
  scored: number;

  @ApiPropertyOptional({ type: ComplianceTallyView, description: 'With compareTo: the same in the edition' })
  previous?: ComplianceTallyView;
}

export class ComplianceItemView extends ComplianceScoredView {
  @ApiProperty({ example: 'joint-threat-review' })
  slug: string;

  @ApiProperty()
  title: string;

  @ApiProperty({
    type: 'object',
    description: 'Every party column by slug: its standing score on asOf, or null when it had none',
    additionalProperties: {
      type: 'object',
      nullable: true,
      required: ['score', 'since'],
      properties: { score: SCORE_SCHEMA, since: { type: 'string', format: 'date' } },
    },
  })
  scores: Record<string, ComplianceCellView | null>;
}

export class ComplianceMemberView extends ComplianceScoredView {
  @ApiProperty({ example: 'russia' })
  party: string;
}

export class ComplianceChangeView {
  @ApiProperty({ example: 'joint-threat-review' })
  item: string;

  @ApiProperty({ example: 'russia' })
  party: string;

  @ApiProperty({ ...NULLABLE_SCORE_SCHEMA, description: "The edition's score; null when it had none" })
  from: Score | null;

  @ApiProperty({ ...NULLABLE_SCORE_SCHEMA, description: 'The score now; null when there is none' })
  to: Score | null;
}

export class ComplianceReport extends ReportScopeView {
  @ApiProperty({ format: 'date', example: '2011-06-30' })
  asOf: string;

  @ApiProperty({ type: [String], description: 'The party columns, in order', example: ['nato', 'russia'] })
  parties: string[];

  @ApiProperty({ type: [ComplianceItemView], description: 'Every item in scope with a score on asOf, by slug' })
  items: ComplianceItemView[];

  @ApiProperty({ type: [ComplianceMemberView], description: 'One per party column, in column order' })
  members: ComplianceMemberView[];

  @ApiProperty({ type: ComplianceScoredView, description: 'Every numeric score of the matrix, pooled' })
  overall: ComplianceScoredView;

  @ApiPropertyOptional({ description: 'With compareTo: the edition compared with', example: 'interim-2011' })
  compareTo?: string;

  @ApiPropertyOptional({
    type: [ComplianceChangeView],
    description: "With compareTo: every cell whose score differs from the edition's, by item then column",
  })
  changes?: ComplianceChangeView[];
}
