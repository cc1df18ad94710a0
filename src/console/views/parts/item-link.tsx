export function ItemLink({ slug, title }: { readonly slug: string; readonly title?: string }) {
  return <a href={`/items/${encodeURIComponent(slug)}`}>{title ?? slug}</a>;
}
