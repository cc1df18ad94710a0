import type { MeetingPageData } from '../../console-views.service.js';
import { rowFieldName, type EditorRows } from '../../outcome-rows.js';
import { PartySelect } from '../forms/party-select.js';
import { SelectField } from '../forms/select-field.js';
import { TextField } from '../forms/text-field.js';
import { ItemField } from './item-field.js';
import { RowProblems } from './row-problems.js';
import { RemoveButton } from './remove-button.js';
import { STANCE_OPTIONS } from '../forms/stance-options.js';
import { STATE_OPTIONS } from '../forms/state-options.js';

// The editor's rows: a fieldset per outcome and per position, numbered from 1. Hidden, they carry
// the rows along with Apply, so that a refusal after it shows them again.
export function RowFields({
  rows,
  data,
  problems = new Map(),
  hidden = false,
}: {
  readonly rows: EditorRows;
  readonly data?: MeetingPageData;
  readonly problems?: ReadonlyMap<string, readonly string[]>;
  readonly hidden?: boolean;
}) {
  if (hidden || !data) {
    return (
      <>
        {(['outcome', 'position'] as const).flatMap((kind) =>
          (kind === 'outcome' ? rows.outcomes : rows.positions).flatMap((row, index) =>
            Object.entries(row).map(([field, value]) => {
              const name = rowFieldName(kind, index + 1, field);
              return <input key={name} type="hidden" name={name} value={value} />;
            }),
          ),
        )}
      </>
    );
  }
  const itemList = 'editor-items';
  return (
    <>
      <datalist id={itemList}>
        {data.items.map((item) => (
          <option key={item.slug} value={item.slug}>
            {item.title}
          </option>
        ))}
      </datalist>
      {rows.outcomes.map((row, index) => {
        const id = (field: string) => rowFieldName('outcome', index + 1, field);
        return (
          <fieldset key={`o${index}`} class="row">
            <legend>Outcome {index + 1}</legend>
            <RowProblems messages={problems.get(`outcome-${index + 1}`)} />
            <ItemField id={id('item')} value={row.item} list={itemList} />
            <SelectField
              id={id('to')}
              name={id('to')}
              label="New state"
              placeholder="Choose a state"
              options={STATE_OPTIONS}
              selected={row.to}
            />
            <TextField id={id('reason')} name={id('reason')} label="Reason" value={row.reason} maxLength={2000} />
            <TextField id={id('source')} name={id('source')} label="Source" value={row.source} maxLength={500} />
            <RemoveButton kind="outcome" number={index + 1} />
          </fieldset>
        );
      })}
      {rows.positions.map((row, index) => {
        const id = (field: string) => rowFieldName('position', index + 1, field);
        return (
          <fieldset key={`p${index}`} class="row">
            <legend>Position {index + 1}</legend>
            <RowProblems messages={problems.get(`position-${index + 1}`)} />
            <ItemField id={id('item')} value={row.item} list={itemList} />
            <PartySelect
              id={id('party')}
              name={id('party')}
              parties={data.parties}
              selected={row.party}
              required={false}
            />
            <SelectField
              id={id('stance')}
              name={id('stance')}
              label="Stance"
              placeholder="Choose a stance"
              options={STANCE_OPTIONS}
              selected={row.stance}
            />
            <TextField
              id={id('statement')}
              name={id('statement')}
              label="Statement"
              value={row.statement}
              maxLength={2000}
            />
            <TextField id={id('source')} name={id('source')} label="Source" value={row.source} maxLength={500} />
            <RemoveButton kind="position" number={index + 1} />
          </fieldset>
        );
      })}
    </>
  );
}
