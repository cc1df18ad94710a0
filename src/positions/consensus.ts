import { STANCES, type Stance } from '../parties/stance.js';

export type Consensus = Record<Stance, string[]>;

// Which parties stand where: every stance named, each list in party slug order.
export function consensus(positions: readonly { party: string; stance: Stance }[]): Consensus {
  const summary = Object.fromEntries(STANCES.map((stance) => [stance, [] as string[]])) as Consensus;
  for (const { party, stance } of [...positions].sort((a, b) => (a.party < b.party ? -1 : a.party > b.party ? 1 : 0))) {
    summary[stance].push(party);
  }
  return summary;
}

// Parties pull apart when one opposes while another supports, with or without conditions.
export function isDivergent(stances: Iterable<Stance | null | undefined>): boolean {
  let opposes = false;
  let favours = false;
  for (const stance of stances) {
    opposes ||= stance === 'opposes';
    favours ||= stance === 'supports' || stance === 'conditional';
  }
  return opposes && favours;
}
