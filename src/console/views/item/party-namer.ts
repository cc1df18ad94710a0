import type { ItemPageData } from '../../console-views.service.js';
import type { PartyNames } from '../timeline.js';

// A party's name from the page's list of parties.
export function partyNamer(data: Pick<ItemPageData, 'parties'>): PartyNames {
  const names = new Map(data.parties.map((party) => [party.slug, party.name]));
  return (slug) => names.get(slug) ?? slug;
}
