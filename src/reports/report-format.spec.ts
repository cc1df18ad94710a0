import { type DomainError } from '../common/domain-error.js';
import { negotiateFormat } from './report-format.js';

describe('negotiateFormat', () => {
  it.each([
    [undefined, 'json'],
    ['', 'json'],
    ['*/*', 'json'],
    ['application/json', 'json'],
    ['text/csv', 'csv'],
    ['text/markdown; charset=utf-8', 'md'],
    ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'html'],
    ['text/*', 'html'],
    ['application/pdf, text/csv;q=0.5', 'csv'],
    ['text/csv;q=0.4, text/markdown;q=0.9', 'md'],
    ['*/*, text/csv', 'csv'],
  ])('reads Accept %j as %s', (accept, expected) => {
    expect(negotiateFormat(undefined, accept)).toBe(expected);
  });

  it('lets the format parameter win over Accept', () => {
    expect(negotiateFormat('md', 'text/csv')).toBe('md');
    expect(negotiateFormat('csv', 'application/pdf')).toBe('csv');
  });

  it.each(['application/pdf', 'image/*', 'text/csv;q=0'])('refuses Accept %j as not acceptable', (accept) => {
    expect(() => negotiateFormat(undefined, accept)).toThrow(
      expect.objectContaining({ code: 'not_acceptable' }) as DomainError,
    );
  });
});
