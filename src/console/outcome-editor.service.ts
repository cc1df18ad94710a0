import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { MAX_BODY_DEPTH, nestsDeeperThan } from '../common/json-body-parser.js';
import { DomainError } from '../common/domain-error.js';
import { validateInput } from '../common/validate-input.js';
import { ItemsService } from '../items/items.service.js';
import { ApplyOutcomesDto } from '../outcomes/dto/apply-outcomes.dto.js';
import type { OutcomeDto } from '../outcomes/dto/outcome.dto.js';
import type { PositionOutcomeDto } from '../outcomes/dto/position-outcome.dto.js';
import { parseOutcomesFile } from '../outcomes/outcomes-file.js';
import { OutcomesService } from '../outcomes/outcomes.service.js';
import type { FormBody } from './form-body.js';
import { formError } from './form-values.js';
import type { OutcomesStep, PreviewRow } from './views/meeting.page.js';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

// The meeting page's outcome editor, on the outcomes service: `Dry run` reads a file (or typed
// rows) and previews it, writing nothing; `Apply` commits the previewed outcomes, which travel in
// the preview's form, once per idempotency key made with the preview.
@Injectable()
export class OutcomeEditorService {
  constructor(
    private readonly outcomes: OutcomesService,
    private readonly items: ItemsService,
  ) {}

  step(meeting: string, form: FormBody, actor: string): Promise<OutcomesStep> {
    return form.action === 'apply' ? this.apply(meeting, form, actor) : this.dryRun(meeting, form, actor);
  }

  private async dryRun(meeting: string, form: FormBody, actor: string): Promise<OutcomesStep> {
    const file = form.outcomesFile;
    const typed = typeof form.outcomesText === 'string' ? form.outcomesText : '';
    let outcomes: OutcomeDto[];
    let positions: PositionOutcomeDto[];
    try {
      // A file wins over typed rows; typed rows are CSV.
      const parsed =
        typeof file === 'object'
          ? await parseOutcomesFile(file.filename, file.text)
          : typed.trim()
            ? await parseOutcomesFile('The typed outcomes', typed, 'csv')
            : undefined;
      if (!parsed) {
        throw DomainError.validation([
          { field: 'Outcomes file', message: 'choose a JSON or CSV file, or type the outcomes as CSV rows' },
        ]);
      }
      if (parsed.meeting !== undefined && parsed.meeting !== meeting) {
        throw DomainError.validation([
          { field: 'Outcomes file', message: `is for the meeting "${parsed.meeting}", not "${meeting}"` },
        ]);
      }
      outcomes = parsed.outcomes;
      positions = parsed.positions;
    } catch (error) {
      return { kind: 'invalid', error: formError(error) };
    }
    return this.preview(meeting, outcomes, positions, actor);
  }

  private async apply(meeting: string, form: FormBody, actor: string): Promise<OutcomesStep> {
    const key = typeof form.idempotencyKey === 'string' ? form.idempotencyKey : '';
    let dto: ApplyOutcomesDto;
    try {
      if (!IDEMPOTENCY_KEY.test(key)) {
        throw DomainError.validation([{ field: 'idempotencyKey', message: 'is missing: run the dry run again' }]);
      }
      dto = await validateInput(ApplyOutcomesDto, {
        outcomes: parseJson(form.outcomes),
        positions: parseJson(form.positions),
      });
    } catch (error) {
      return { kind: 'invalid', error: formError(error) };
    }
    const outcomes = dto.outcomes ?? [];
    const positions = dto.positions ?? [];
    try {
      const result = await this.outcomes.apply(meeting, { outcomes, positions, dryRun: false }, actor, {
        key,
        method: 'POST',
        // The service scopes the key by the meeting's canonical path, the same as the API's.
        path: `/meetings/${meeting}/outcomes`,
        actor,
      });
      return { kind: 'applied', result };
    } catch (error) {
      return this.refused(error, outcomes, positions);
    }
  }

  // A dry run through the service: every check, nothing written.
  private async preview(
    meeting: string,
    outcomes: OutcomeDto[],
    positions: PositionOutcomeDto[],
    actor: string,
  ): Promise<OutcomesStep> {
    try {
      const result = await this.outcomes.apply(meeting, { outcomes, positions, dryRun: true }, actor);
      const rows = outcomes.map((outcome, index): PreviewRow => ({
        outcome,
        fromState: result.outcomes[index]?.fromState ?? null,
      }));
      return { kind: 'preview', rows, positions, idempotencyKey: randomUUID() };
    } catch (error) {
      return this.refused(error, outcomes, positions);
    }
  }

  // Each failing outcome is shown on its own row, as the API lists it.
  private async refused(
    error: unknown,
    outcomes: readonly OutcomeDto[],
    positions: readonly PositionOutcomeDto[],
  ): Promise<OutcomesStep> {
    const refusal = formError(error);
    const failures =
      error instanceof DomainError && (error.is('outcomes_rejected') || error.is('validation_failed'))
        ? error.extensions.failures
        : undefined;
    if (!failures) {
      return { kind: 'invalid', error: refusal };
    }
    const rows = await Promise.all(
      outcomes.map(async (outcome, index): Promise<PreviewRow> => ({
        outcome,
        fromState: await this.items.findOne(outcome.item).then(
          (item) => item.state,
          () => null,
        ),
        // A position's failure counts its index within the positions.
        failure: failures.find((failure) => failure.index === index && failure.party === undefined),
      })),
    );
    return { kind: 'refused', rows, positions, error: { ...refusal, messages: [(error as DomainError).message] } };
  }
}

// The previewed outcomes a form carries back; anything nested deeper than a body may be is refused
// as the API refuses it, before validation would recurse through it.
function parseJson(text: FormBody[string]): unknown {
  let parsed: unknown;
  try {
    parsed = typeof text === 'string' ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
  if (nestsDeeperThan(parsed, MAX_BODY_DEPTH)) {
    throw DomainError.validation([{ field: 'outcomes', message: `nest deeper than ${MAX_BODY_DEPTH} levels` }]);
  }
  return parsed;
}
