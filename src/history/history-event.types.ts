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
