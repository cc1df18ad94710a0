import { typedInstant } from './reports-pages.controller.js';

describe('typedInstant', () => {
  it('takes an instant as the console shows it, and leaves anything else as typed', () => {
    expect(typedInstant('2026-12-07 01:14')).toBe('2026-12-07T01:14:00Z');
    expect(typedInstant(' 2026-12-07 01:14:05 UTC ')).toBe('2026-12-07T01:14:05Z');
    expect(typedInstant('2026-12-07T01:14:00Z')).toBe('2026-12-07T01:14:00Z');
    expect(typedInstant('yesterday')).toBe('yesterday');
  });
});
