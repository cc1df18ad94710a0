// A slug made from a title: lower-case ASCII words joined by hyphens ("Missile defence
// cooperation" gives missile-defence-cooperation), accents dropped, at most 64 characters.
export function slugFromTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 64)
    .replace(/^-+|-+$/g, '');
}
