export type EventAction = 'created' | 'updated' | 'transitioned' | 'corrected' | 'retracted';

export const EVENT_ACTIONS: readonly EventAction[] = ['created', 'updated', 'transitioned', 'corrected', 'retracted'];

// Each field that changed, with its value before and after (`from` is null on creation).
export type FieldChanges = Record<string, { from: unknown; to: unknown }>;
