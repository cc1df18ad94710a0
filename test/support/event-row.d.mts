import type { HashedEventFields } from '../../src/history/event-hash.js';

export function hashedEventFields(row: Readonly<Record<string, unknown>>, prevHash?: string): HashedEventFields;
