// The parties' names, for the formats people read (HTML and Markdown) where the view names a party
// by its slug; JSON and CSV keep the slugs that programs join on.
export type PartyNames = (slug: string) => string;

export function partyNames(parties: readonly { readonly slug: string; readonly name: string }[]): PartyNames {
  const names = new Map(parties.map((party) => [party.slug, party.name]));
  return (slug) => names.get(slug) ?? slug;
}
