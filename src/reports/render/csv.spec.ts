import { parse } from 'csv-parse/sync';
import {
  AWKWARD_REASON,
  AWKWARD_TITLE,
  sampleChangesReport,
  sampleStatusReport,
} from '../../../test/support/report-fixtures.js';
import { changesCsv, statusCsv } from './csv.js';

describe('CSV reports', () => {
  it('has a header row and one row per item, and commas, quotes and line breaks survive a round trip', () => {
    const text = statusCsv(sampleStatusReport());
    expect(text.split('\r\n')[0]).toBe('slug,title,category,proposedBy,state,since,lastReason');
    const rows = parse<Record<string, string>>(text, { columns: true });
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual({
      slug: 'radar-linking',
      title: AWKWARD_TITLE,
      category: 'missile-defense',
      proposedBy: 'United States',
      state: 'agreed',
      since: '2010-11-20',
      lastReason: AWKWARD_REASON,
    });
    expect(rows[1]?.lastReason).toBe('');
  });

  it('lists one row per transition, then one per position taken, parties by slug', () => {
    const rows = parse<Record<string, string>>(changesCsv(sampleChangesReport()), { columns: true });
    expect(rows).toEqual([
      expect.objectContaining({
        effectiveOn: '2010-11-20',
        item: 'radar-linking',
        fromState: 'proposed',
        toState: 'agreed',
        reason: AWKWARD_REASON,
        meeting: 'lisbon-summit-2010',
        source: 'NRC joint statement, Lisbon, para. 4',
      }),
      expect.objectContaining({
        effectiveOn: '2010-11-20',
        item: 'radar-linking',
        party: 'russia',
        fromStance: '',
        toStance: 'conditional',
      }),
    ]);
  });

  it('keeps a spreadsheet from running a cell as a formula', () => {
    const report = sampleStatusReport();
    report.items[0].title = '=HYPERLINK("http://example.org")';
    const rows = parse<Record<string, string>>(statusCsv(report), { columns: true });
    expect(rows[0]?.title).toBe(`'=HYPERLINK("http://example.org")`);
  });

  // A bare line feed (or carriage return) outside quotes would end the row, and the text after
  // it would start a new row where the formula guard no longer applies.
  it.each([
    ['a line feed', 'Postponed.\n=cmd|/c calc'],
    ['a carriage return', 'Postponed.\r=cmd|/c calc'],
  ])('quotes a cell holding %s, so it stays one cell', (_, reason) => {
    const report = sampleStatusReport();
    report.items[0].lastReason = reason;
    const text = statusCsv(report);
    expect(text.split('\r\n').filter((line) => line.startsWith('=')).length).toBe(0);
    expect(text).toContain(`"${reason}"`);
    const rows = parse<Record<string, string>>(text, { columns: true });
    expect(rows).toHaveLength(2);
    expect(rows[0]?.lastReason).toBe(reason);
  });
});
