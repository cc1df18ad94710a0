import { DomainError } from '../common/domain-error.js';
import { formError, present, textFields } from './form-values.js';

describe('console form values', () => {
  it('keeps each named field as typed, files and missing fields as empty text', () => {
    expect(textFields({ a: ' x ', b: { filename: 'f.csv', text: '' } }, ['a', 'b', 'c'])).toEqual({
      a: ' x ',
      b: '',
      c: '',
    });
  });

  it('leaves out the fields left empty', () => {
    expect(present({ a: 'x', b: '', c: '  ' })).toEqual({ a: 'x' });
  });

  it('says a refusal in words, each field by its label', () => {
    const refusal = DomainError.validation([{ field: 'effectiveOn', message: 'must not be in the future' }]);
    expect(formError(refusal, { effectiveOn: 'Effective on' }, { effectiveOn: 'move-effective-on' })).toEqual({
      status: 400,
      title: 'Invalid request: nothing was changed',
      messages: ['Effective on: must not be in the future'],
      fields: ['move-effective-on'],
    });
    expect(formError(new DomainError('version_mismatch', 'Stale.', {})).messages).toEqual(['Stale.']);
  });

  it('does not turn a failure of ours into a form error', () => {
    const failure = new Error('disk full');
    expect(() => formError(failure)).toThrow(failure);
    expect(() => formError(new DomainError('database_busy', 'Busy.', { retryAfterSeconds: 1 }))).toThrow('Busy.');
  });
});
