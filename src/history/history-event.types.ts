export type EventAction = 'created' | 'updated' | 'transitioned';

// Each field that changed, with its value before and after (`from` is null on creation).
export type FieldChanges = Record<string, { from: unknown; to: unknown }>;
