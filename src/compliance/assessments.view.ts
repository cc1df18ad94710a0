import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Score } from '../assessments/score.js';
import { ProblemView } from '../common/api-problems.decorator.js';
import { NULLABLE_SCORE_SCHEMA, SCORE_SCHEMA } from '../assessments/score-schema.js';

export class AssessmentResultView {
  @ApiProperty({ description: 'The item slug', example: 'joint-threat-review' })
  item: string;

  @ApiProperty({ description: 'The party slug', example: 'russia' })
  party: string;

  @ApiProperty({ ...NULLABLE_SCORE_SCHEMA, description: "The party's standing score before; null for its first" })
  from: Score | null;

  @ApiProperty({ ...SCORE_SCHEMA, description: 'The new score' })
  to: Score;

  @ApiProperty({ type: Number, nullable: true, description: 'The event written; null on a dry run', example: 7 })
  seq: number | null;
}

export class AssessmentsResultView {
  @ApiProperty({ description: 'True when nothing was written' })
  dryRun: boolean;

  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'Stamped as `batch` on every event written; null on a dry run',
  })
  batch: string | null;

  @ApiProperty({ format: 'date', example: '2011-06-30' })
  effectiveOn: string;

  @ApiProperty({ type: [AssessmentResultView], description: 'In the order of the request' })
  results: AssessmentResultView[];
}

export class AssessmentFailureView {
  @ApiProperty({ description: 'The entry, from 0 (for a matrix: its scored cells in reading order)' })
  index: number;

  @ApiProperty({ description: 'The item as the request named it' })
  item: string;

  @ApiProperty({ description: 'The party as the request named it' })
  party: string;

  @ApiPropertyOptional({ description: 'For the score-matrix CSV: the line of the cell, from 1 (the header)' })
  line?: number;

  @ApiProperty({
    enum: ['item_not_found', 'party_not_found', 'duplicate_assessment', 'assessment_out_of_order', 'invalid_score'],
  })
  code: string;

  @ApiProperty({ description: 'The status this entry alone would have had', example: 409 })
  status: number;

  @ApiProperty()
  detail: string;
}

export class AssessmentsProblemView extends ProblemView {
  @ApiPropertyOptional({ type: [AssessmentFailureView], description: 'Every failing entry' })
  failures?: AssessmentFailureView[];
}
