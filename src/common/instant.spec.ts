import { isInstant, toStoredInstant } from './instant.js';

describe('instants', () => {
  it.each(['2010-11-27T09:00:00Z', '2010-11-27T09:00Z', '2010-11-27T09:00:00.123Z', '2010-11-27T11:00:00+02:00'])(
    'accepts %s',
    (value) => {
      expect(isInstant(value)).toBe(true);
    },
  );

  it.each(['2010-11-27', '2010-11-27T09:00:00', '2010-02-30T09:00:00Z', '2010-11-27T25:00:00Z', 'yesterday', 42])(
    'refuses %j',
    (value) => {
      expect(isInstant(value)).toBe(false);
    },
  );

  it('stores an instant as UTC text with milliseconds, comparable with recordedAt', () => {
    expect(toStoredInstant('2010-11-27T11:00:00+02:00')).toBe('2010-11-27T09:00:00.000Z');
    expect(toStoredInstant('2010-11-27T09:00Z')).toBe('2010-11-27T09:00:00.000Z');
  });
});
