import { SUMMIT, recorded, summitRetracted } from '../../test/support/recorded-events.js';
import { itemRevision } from './revisions.js';

const PUBLISHED = '2010-12-01T12:00:00.000Z';
const NOW = '2010-12-31T00:00:00.000Z';
const later = (seq: number) => `2010-12-02T00:00:0${seq}.000Z`;
// The summit's outcome withdrawn, as recorded at an instant.
const retractedAt = (recordedAt: string, reason: string | null = null) => summitRetracted({ reason, recordedAt });

describe('itemRevision', () => {
  it('finds no difference when nothing recorded in between changes the day', () => {
    const history = [
      ...SUMMIT,
      recorded({
        seq: 4,
        action: 'corrected',
        corrects: 3,
        changes: { reason: { from: null, to: 'x' } },
        recordedAt: later(4),
      }),
    ];
    expect(itemRevision('a', history, '2010-11-21', PUBLISHED, NOW)).toBeUndefined();
  });

  it('classes a retraction or a corrected date as a correction, with the events that explain it', () => {
    expect(itemRevision('a', retractedAt(later(4), 'Mistake.'), '2010-11-21', PUBLISHED, NOW)).toEqual({
      item: 'a',
      before: { state: 'agreed', since: '2010-11-20' },
      after: { state: 'under_discussion', since: '2010-10-01' },
      kind: 'correction',
      events: [{ seq: 4, action: 'retracted', reason: 'Mistake.', recordedAt: later(4), actor: 'bootstrap' }],
    });
  });

  it('classes late news as a development, and an item unknown before as before null', () => {
    const late = [
      ...SUMMIT,
      recorded({
        seq: 4,
        action: 'transitioned',
        fromState: 'agreed',
        toState: 'implemented',
        effectiveOn: '2010-11-21',
        recordedAt: later(4),
      }),
    ];
    expect(itemRevision('a', late, '2010-11-21', PUBLISHED, NOW)).toMatchObject({
      before: { state: 'agreed' },
      after: { state: 'implemented', since: '2010-11-21' },
      kind: 'development',
    });
    const unknown = SUMMIT.map((event) => ({ ...event, recordedAt: later(event.seq) }));
    expect(itemRevision('a', unknown, '2010-11-21', PUBLISHED, NOW)).toMatchObject({
      before: null,
      after: { state: 'agreed' },
      kind: 'development',
    });
  });

  it('leaves out what was recorded after the later instant', () => {
    const history = retractedAt('2011-01-01T00:00:00.000Z');
    expect(itemRevision('a', history, '2010-11-21', PUBLISHED, NOW)).toBeUndefined();
  });
});
