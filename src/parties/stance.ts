// A party's stance on an item, from warmest to coldest.
export const STANCES = ['supports', 'conditional', 'undecided', 'opposes'] as const;
export type Stance = (typeof STANCES)[number];

export function isStance(value: unknown): value is Stance {
  return (STANCES as readonly unknown[]).includes(value);
}

export const PARTY_KINDS = ['state', 'organization', 'group'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];
