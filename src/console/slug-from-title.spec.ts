import { slugFromTitle } from './slug-from-title.js';

describe('slugFromTitle', () => {
  it('joins lower-case words with hyphens, dropping accents and punctuation', () => {
    expect(slugFromTitle('Missile defence cooperation')).toBe('missile-defence-cooperation');
    expect(slugFromTitle('  Traité FCE: mise à jour (2010)! ')).toBe('traite-fce-mise-a-jour-2010');
    expect(slugFromTitle('a'.repeat(70))).toHaveLength(64);
    expect(slugFromTitle('¿?')).toBe('');
  });
});
