import { consensus, isDivergent } from './consensus.js';

describe('consensus', () => {
  it('names every stance, each list in party slug order', () => {
    expect(
      consensus([
        { party: 'united-states', stance: 'opposes' },
        { party: 'russia', stance: 'supports' },
        { party: 'france', stance: 'opposes' },
      ]),
    ).toEqual({ supports: ['russia'], conditional: [], undecided: [], opposes: ['france', 'united-states'] });
  });

  it('is empty lists when nobody has a position', () => {
    expect(consensus([])).toEqual({ supports: [], conditional: [], undecided: [], opposes: [] });
  });
});

describe('isDivergent', () => {
  it.each([
    [['opposes', 'supports'], true],
    [['conditional', null, 'opposes'], true],
    [['opposes', 'undecided'], false],
    [['supports', 'conditional'], false],
    [['opposes', 'opposes'], false],
    [[], false],
  ] as const)('%j is %s', (stances, divergent) => {
    expect(isDivergent(stances)).toBe(divergent);
  });
});
