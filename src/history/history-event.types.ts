export const EVENT_ACTIONS = [
  'created',
  'updated',
  'transitioned',
  'positioned',
  'assessed',
  'corrected',
  'retracted',
] as const;
export type EventAction = (typeof EVENT_ACTIONS)[number];

// Each field that changed, with its value before and after (`from` is null on creation).
export type FieldChanges = Record<string, { from: unknown; to: unknown }>;

// What an update may change of an item: its slug and proposal day are set once, its state moves
// only by its own events.
export const UPDATABLE_FIELDS = ['title', 'summary', 'category', 'proposedBy', 'sourceUrl'] as const;
