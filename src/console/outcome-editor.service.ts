import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { BatchFailure } from '../common/domain-error.js';
import { DomainError } from '../common/domain-error.js';
import { MAX_BODY_DEPTH, nestsDeeperThan } from '../common/json-body-parser.js';
import { validateInput } from '../common/validate-input.js';
import { ApplyOutcomesDto } from '../outcomes/dto/apply-outcomes.dto.js';
import { OutcomeDto } from '../outcomes/dto/outcome.dto.js';
import { PositionOutcomeDto } from '../outcomes/dto/position-outcome.dto.js';
import { readOutcomesFile } from '../outcomes/outcomes-file.js';
import { OutcomesService } from '../outcomes/outcomes.service.js';
import { stateLabel } from '../reports/render/state-style.js';
import { WORKFLOW_STATES } from '../workflow/workflow.definition.js';
import { ConsoleViewsService, type ItemChoice } from './console-views.service.js';
import type { FormBody, UploadedFile } from './form-body.js';
import { formError, present, type FormError } from './form-values.js';
import {
  changedRows,
  closestName,
  isEmptyRow,
  readRows,
  ROW_FIELD_LABELS,
  rowsFromFile,
  type EditorRows,
  type OutcomeRow,
  type PositionRow,
  type RowKind,
} from './outcome-rows.js';
import type { OutcomesStep, PreviewRow } from './views/meeting/outcomes-step.js';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

// One row that passed its own checks, with the number it has on the page.
interface CheckedRow<T> {
  readonly number: number;
  readonly dto: T;
}

// The meeting page's outcome editor, on the outcomes service. The rows (or a file, which fills
// them) are checked each on its own, then together by a dry run, so that every failing row is
// shown at once; `Apply` commits the previewed outcomes, which travel in the preview's form, once
// per idempotency key made with the preview.
@Injectable()
export class OutcomeEditorService {
  constructor(
    private readonly outcomes: OutcomesService,
    private readonly views: ConsoleViewsService,
  ) {}

  step(meeting: string, form: FormBody, actor: string): Promise<OutcomesStep> {
    return form.action === 'apply' ? this.apply(meeting, form, actor) : this.edit(meeting, form, actor);
  }

  private async edit(meeting: string, form: FormBody, actor: string): Promise<OutcomesStep> {
    let rows = readRows(form);
    const file = form.outcomesFile;
    // A file fills the rows; they can be corrected on the page before Apply.
    if (typeof file === 'object') {
      try {
        rows = fileRows(file, meeting);
      } catch (error) {
        return { kind: 'invalid', rows, error: formError(error, { file: 'Outcomes file' }) };
      }
    }
    const changed = changedRows(rows, typeof form.action === 'string' ? form.action : '');
    return changed ? { kind: 'editing', rows: changed } : this.check(meeting, rows, actor);
  }

  private async check(meeting: string, rows: EditorRows, actor: string): Promise<OutcomesStep> {
    const items = await this.views.itemChoices();
    const problems = new Map<string, string[]>();
    const complain = (kind: RowKind, number: number, message: string) => {
      const key = `${kind}-${number}`;
      problems.set(key, [...(problems.get(key) ?? []), message]);
    };
    const outcomes = await checkRows(rows.outcomes, 'outcome', OutcomeDto, items, complain);
    const positions = await checkRows(rows.positions, 'position', PositionOutcomeDto, items, complain);
    if (outcomes.length + positions.length + problems.size === 0) {
      return {
        kind: 'invalid',
        rows,
        error: {
          status: 400,
          title: 'Nothing to check',
          messages: ['Fill in at least one outcome or position, or choose an outcomes file.'],
          fields: ['outcome-1-item'],
        },
      };
    }
    const stateOf = new Map(items.map((item) => [item.slug, item.state]));
    const preview = (failures: readonly BatchFailure[] = []) =>
      outcomes.map(({ dto }, index): PreviewRow => ({
        outcome: dto,
        fromState: stateOf.get(dto.item) ?? null,
        failure: failures.find((failure) => failure.index === index && failure.party === undefined),
      }));
    let failures: readonly BatchFailure[] = [];
    if (outcomes.length + positions.length > 0) {
      try {
        await this.outcomes.apply(
          meeting,
          { outcomes: outcomes.map(({ dto }) => dto), positions: positions.map(({ dto }) => dto), dryRun: true },
          actor,
        );
      } catch (error) {
        const found =
          error instanceof DomainError && (error.is('outcomes_rejected') || error.is('validation_failed'))
            ? error.extensions.failures
            : undefined;
        if (!found) {
          return { kind: 'invalid', rows, error: formError(error) };
        }
        failures = found;
      }
    }
    for (const failure of failures) {
      const [kind, list] =
        failure.party === undefined ? (['outcome', outcomes] as const) : (['position', positions] as const);
      const row = list.at(failure.index);
      if (row) {
        complain(kind, row.number, withSuggestion(failure, items));
      }
    }
    if (problems.size > 0) {
      const listed = [...problems].flatMap(([key, messages]) =>
        messages.map((message) => ({ key, message: `${rowName(key)}: ${message}` })),
      );
      const error: FormError = {
        status: failures.length > 0 ? 409 : 400,
        title: `${problems.size} row${problems.size === 1 ? '' : 's'} cannot be applied: nothing was changed`,
        messages: listed.map(({ message }) => message),
        fields: listed.map(({ key }) => `${key}-item`),
      };
      return { kind: 'refused', rows, preview: preview(failures), problems, error };
    }
    return {
      kind: 'preview',
      rows,
      preview: preview(),
      positions: positions.map(({ dto }) => dto),
      idempotencyKey: randomUUID(),
    };
  }

  private async apply(meeting: string, form: FormBody, actor: string): Promise<OutcomesStep> {
    const key = typeof form.idempotencyKey === 'string' ? form.idempotencyKey : '';
    const rows = readRows(form);
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
      return { kind: 'invalid', rows, error: formError(error) };
    }
    try {
      const result = await this.outcomes.apply(
        meeting,
        { outcomes: dto.outcomes ?? [], positions: dto.positions ?? [], dryRun: false },
        actor,
        // The service scopes the key by the meeting's canonical path, the same as the API's.
        { key, method: 'POST', path: `/meetings/${meeting}/outcomes`, actor },
      );
      return { kind: 'applied', result };
    } catch (error) {
      // Something changed since the dry run: check the rows again, to show which fail now.
      return error instanceof DomainError && error.is('outcomes_rejected')
        ? this.check(meeting, rows, actor)
        : { kind: 'invalid', rows, error: formError(error) };
    }
  }
}

function fileRows(file: UploadedFile, meeting: string): EditorRows {
  const read = readOutcomesFile(file.filename, file.text);
  if (read.meeting !== undefined && read.meeting !== meeting) {
    throw DomainError.validation([
      { field: 'file', message: `is for the meeting "${read.meeting}", not "${meeting}"` },
    ]);
  }
  return rowsFromFile(read);
}

// A state may be typed (in a file) by its label as well as its code.
const STATE_BY_LABEL = new Map(WORKFLOW_STATES.map((state) => [stateLabel(state).toLowerCase(), state]));

// Each filled row checked on its own; an item may be named by its title as well as its slug.
async function checkRows<T extends object>(
  rows: readonly (OutcomeRow | PositionRow)[],
  kind: RowKind,
  type: new () => T,
  items: readonly ItemChoice[],
  complain: (kind: RowKind, number: number, message: string) => void,
): Promise<CheckedRow<T>[]> {
  const byTitle = new Map(items.map((item) => [item.title.toLowerCase(), item.slug]));
  const checked: CheckedRow<T>[] = [];
  for (const [index, row] of rows.entries()) {
    if (isEmptyRow(row)) {
      continue;
    }
    const item = row.item.trim();
    try {
      const named = { ...row, item: byTitle.get(item.toLowerCase()) ?? item };
      if ('to' in row) {
        Object.assign(named, { to: STATE_BY_LABEL.get(row.to.trim().toLowerCase()) ?? row.to });
      }
      const dto = await validateInput(type, present(named));
      checked.push({ number: index + 1, dto });
    } catch (error) {
      for (const message of formError(error, ROW_FIELD_LABELS).messages) {
        complain(kind, index + 1, message);
      }
    }
  }
  return checked;
}

// An unknown item gets "did you mean …" when a slug or a title is close to what was typed.
function withSuggestion(failure: BatchFailure, items: readonly ItemChoice[]): string {
  if (failure.code !== 'item_not_found') {
    return failure.message;
  }
  const slug = closestName(
    failure.item,
    items.map((item) => item.slug),
  );
  const title = closestName(
    failure.item,
    items.map((item) => item.title),
  );
  const match = items.find((item) => item.slug === slug) ?? items.find((item) => item.title === title);
  return match
    ? `No item is called “${failure.item}”. Did you mean “${match.title}” (${match.slug})?`
    : `No item is called “${failure.item}”.`;
}

function rowName(key: string): string {
  const [kind, number = ''] = key.split('-');
  return `${kind === 'outcome' ? 'Outcome' : 'Position'} ${number}`;
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
