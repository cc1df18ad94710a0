import {
  SAMPLE_PARTY_NAMES,
  sampleChangesReport,
  samplePositionsReport,
  sampleStatusReport,
} from '../../../test/support/report-fixtures.js';
import { changesMarkdown, markdownCell, positionsMarkdown, statusMarkdown } from './markdown.js';

describe('Markdown reports', () => {
  it('keeps a cell one cell: pipes, backslashes and < escaped, line breaks as <br>', () => {
    expect(markdownCell('a | b\\c <script>\r\nnext\nlast')).toBe('a \\| b\\\\c \\<script><br>next<br>last');
    expect(markdownCell(null)).toBe('');
  });

  it.each([
    ['a link', '[click](javascript:alert(1))', '\\[click\\](javascript:alert(1))'],
    ['an image', '![x](http://example.org/pixel.png)', '!\\[x\\](http://example.org/pixel.png)'],
    ['a reference link', '[x][1] and [1]: http://example.org', '\\[x\\]\\[1\\] and \\[1\\]: http://example.org'],
    ['an autolink', '<http://example.org>', '\\<http://example.org>'],
  ])('escapes %s, so a cell never links or loads anything', (_, text, escaped) => {
    expect(markdownCell(text)).toBe(escaped);
  });

  it('has a counts table naming every state and an items table with one row per item', () => {
    const text = statusMarkdown(sampleStatusReport());
    expect(text).toMatch(/^# Status as of 2010-11-21\n/);
    expect(text).toContain('| State | Items |');
    for (const label of [
      'Proposed',
      'Under discussion',
      'Agreed',
      'Rejected',
      'Deferred',
      'Implemented',
      'Withdrawn',
    ]) {
      expect(text).toMatch(new RegExp(`^\\| ${label} \\| \\d+ \\|$`, 'm'));
    }
    expect(text).toContain('| Total | 2 |');
    const itemRows = text.split('\n').filter((line) => line.startsWith('| radar-linking') || line.startsWith('| cfe-'));
    expect(itemRows).toHaveLength(2);
    // Every row of the items table has the same number of cells, whatever the text held.
    const cells = (line: string) => line.split(/(?<!\\)\|/).length;
    expect(cells(itemRows[0])).toBe(cells('| Item | Title | Category | Proposed by | State | Since | Last reason |'));
  });

  it('shows the counts before and after a window and its transitions', () => {
    const text = changesMarkdown(sampleChangesReport(), SAMPLE_PARTY_NAMES);
    expect(text).toContain('| State | Before (2010-11-19) | After (2010-11-30) |');
    expect(text).toContain('| Agreed | 0 | 1 |');
    expect(text).toContain('## Transitions (1)');
    expect(text).toMatch(/^\| 2010-11-20 \| radar-linking \|.*\| Proposed \| Agreed \|/m);
    expect(text).toMatch(/^\| 2010-11-20 \| radar-linking \| Russian Federation \| — \| Conditional \|/m);
  });

  it('heads the positions matrix with the parties by name', () => {
    const text = positionsMarkdown(samplePositionsReport(), SAMPLE_PARTY_NAMES);
    expect(text).toContain('| Item | Title | State | germany | Russian Federation | United States |');
    expect(text).toContain('| Conditional (since 2010-11-20) | Supports (since 2010-09-22) |');
  });
});
