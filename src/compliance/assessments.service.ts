import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  checkAssessmentBatch,
  type AssessmentFailure,
  type AssessmentProblem,
} from '../assessments/assessment-check.js';
import { DomainError, type AssessmentBatchFailure } from '../common/domain-error.js';
import { problemKind } from '../common/problem-details.js';
import { AssessmentRepository } from '../history/assessment.repository.js';
import { IdempotencyService } from '../idempotency/idempotency.service.js';
import type { KeyedRequest } from '../idempotency/request-hash.js';
import { ItemRepository } from '../items/item.repository.js';
import { ItemWriter } from '../items/item-writer.js';
import { PartyRepository } from '../parties/party.repository.js';
import type { AssessmentsResultView } from './assessments.view.js';
import type { ApplyAssessmentsDto, AssessmentDto } from './dto/apply-assessments.dto.js';
import { readScoreMatrix } from './score-matrix.js';

// An entry, with the line of its cell when it came from a score matrix.
type Entry = AssessmentDto & { readonly line?: number };

// Records compliance scores for many cells at once, in one transaction: every entry is checked
// first, and one failing entry means nothing is written. The endpoint, the console and the CLI use it.
@Injectable()
export class AssessmentsService {
  constructor(
    private readonly idempotency: IdempotencyService,
    private readonly items: ItemRepository,
    private readonly parties: PartyRepository,
    private readonly assessments: AssessmentRepository,
    private readonly writer: ItemWriter,
  ) {}

  apply(dto: ApplyAssessmentsDto, actor: string, idempotent?: KeyedRequest): Promise<AssessmentsResultView> {
    return this.applyEntries(dto.effectiveOn, dto.assessments, dto.dryRun ?? false, actor, idempotent);
  }

  // The score matrix: every cell that is not a score is refused (400) before anything is read.
  applyMatrix(
    csv: string,
    effectiveOn: string,
    dryRun: boolean,
    actor: string,
    idempotent?: KeyedRequest,
  ): Promise<AssessmentsResultView> {
    const { cells, problems } = readScoreMatrix(csv);
    if (problems.length > 0) {
      throw new DomainError(
        'assessments_invalid',
        `${problems.length} cells of the score matrix are not scores; nothing was written.`,
        {
          failures: problems.map((problem, index) => ({
            index,
            item: problem.item,
            party: problem.party,
            line: problem.line,
            code: 'invalid_score',
            status: problemKind('invalid_score').status,
            detail: problem.detail,
          })),
        },
      );
    }
    if (cells.length === 0) {
      throw DomainError.validation([{ field: 'body', message: 'the score matrix scores no cell' }]);
    }
    return this.applyEntries(effectiveOn, cells, dryRun, actor, idempotent);
  }

  private applyEntries(
    effectiveOn: string,
    entries: readonly Entry[],
    dryRun: boolean,
    actor: string,
    idempotent?: KeyedRequest,
  ): Promise<AssessmentsResultView> {
    // Hashed as it is understood, so that a matrix and the same scores as JSON are one request.
    const request = {
      effectiveOn,
      assessments: entries.map(({ item, party, score, evidence, source }) => ({
        item,
        party,
        score,
        evidence,
        source,
      })),
      dryRun,
    };
    // A dry run writes nothing, so nothing is kept for its key: a retry simply runs it again.
    return this.idempotency.run(dryRun ? undefined : idempotent, request, (manager) =>
      this.applyIn(manager, effectiveOn, entries, dryRun, actor),
    );
  }

  private async applyIn(
    manager: EntityManager,
    effectiveOn: string,
    entries: readonly Entry[],
    dryRun: boolean,
    actor: string,
  ): Promise<AssessmentsResultView> {
    const items = await this.items.findManyByKeys(
      manager,
      entries.map((entry) => entry.item),
    );
    const parties = await this.parties.findManyByKeys(manager, [...new Set(entries.map((entry) => entry.party))]);
    const itemIds = [...new Set([...items.values()].map((item) => item.id))];
    const { checked, failures } = checkAssessmentBatch(
      entries,
      { items, parties, standing: await this.assessments.standingOn(manager, itemIds) },
      effectiveOn,
    );
    if (failures.length > 0) {
      throw assessmentsRefused(failures, entries.length);
    }
    const batch = dryRun ? null : randomUUID();
    // Numbered as they will be appended: each item's version, plus one per assessment of it before.
    const versions = new Map<string, number>();
    const seqs = checked.map(({ item }) => {
      const version = (versions.get(item.id) ?? item.version) + 1;
      versions.set(item.id, version);
      return version;
    });
    if (batch) {
      await this.writer.assessAll(
        manager,
        checked.map(({ entry, item, party, previous }) => ({
          item,
          partyId: party.id,
          partySlug: party.slug,
          score: entry.score,
          from: previous?.score ?? null,
          // Evidence made only of white space is no evidence.
          evidence: entry.evidence?.trim() ? entry.evidence : null,
          effectiveOn,
          source: entry.source ?? null,
          batchId: batch,
          actor,
        })),
      );
    }
    return {
      dryRun,
      batch,
      effectiveOn,
      results: checked.map(({ entry, item, party, previous }, index) => ({
        item: item.slug,
        party: party.slug,
        from: previous?.score ?? null,
        to: entry.score,
        seq: batch ? seqs[index] : null,
      })),
    };
  }
}

// One answer listing every failing entry: a 400 when each is a mistake in the request itself (a
// cell named twice), otherwise a 409.
function assessmentsRefused(failures: readonly AssessmentFailure<Entry>[], total: number): DomainError {
  const views = failures.map(({ index, entry, problem }): AssessmentBatchFailure => {
    const code = failureCode(problem);
    return {
      index,
      item: entry.item,
      party: entry.party,
      ...(entry.line === undefined ? {} : { line: entry.line }),
      code,
      status: problemKind(code).status,
      detail: entry.line === undefined ? problem.message : `Line ${entry.line}: ${problem.message}`,
    };
  });
  const detail = `${views.length} of ${total} assessments cannot be recorded, so nothing was written; see failures.`;
  return views.every((view) => view.status === 400)
    ? new DomainError('assessments_invalid', detail, { failures: views })
    : new DomainError('assessments_rejected', detail, { failures: views });
}

function failureCode(problem: AssessmentProblem): AssessmentBatchFailure['code'] {
  switch (problem.kind) {
    case 'item_not_found':
    case 'party_not_found':
    case 'duplicate_assessment':
      return problem.kind;
    case 'before_proposed':
    case 'before_previous_assessment':
      return 'assessment_out_of_order';
  }
}
