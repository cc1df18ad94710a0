import type { ItemView } from '../../../items/item.view.js';
import type { FormValues } from '../../form-values.js';

export const EDITABLE_FIELDS: ReadonlyArray<readonly [string, string]> = [
  ['title', 'Title'],
  ['summary', 'Summary'],
  ['category', 'Category'],
  ['proposedBy', 'Proposed by'],
  ['sourceUrl', 'Source URL'],
];

// The edit form's fields as the item has them now; no source URL is an empty field.
export function editableValues(item: ItemView): FormValues {
  return {
    title: item.title,
    summary: item.summary,
    category: item.category,
    proposedBy: item.proposedBy,
    sourceUrl: item.sourceUrl ?? '',
  };
}
