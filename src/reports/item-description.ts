import type { FieldChanges } from '../history/history-event.types.js';

// What a report shows about an item besides its state.
export interface ItemDescription {
  slug: string;
  title: string;
  category: string;
  proposedBy: string;
}

const DESCRIPTIVE_FIELDS = ['slug', 'title', 'category', 'proposedBy'] as const;

// Folds one event's changes into a description: a created event names every field ({from: null,
// to}), an updated event the ones that changed.
export function applyChanges(description: ItemDescription | undefined, changes: FieldChanges): ItemDescription {
  const next: ItemDescription = description
    ? { ...description }
    : { slug: '', title: '', category: '', proposedBy: '' };
  for (const field of DESCRIPTIVE_FIELDS) {
    // A field the event did not change has no entry.
    const change = Object.hasOwn(changes, field) ? changes[field] : undefined;
    if (change && typeof change.to === 'string') {
      next[field] = change.to;
    }
  }
  return next;
}
