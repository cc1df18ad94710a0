export function MeetingLink({ slug }: { readonly slug: string | null }) {
  return slug ? <a href={`/meetings/${encodeURIComponent(slug)}`}>{slug}</a> : <span>—</span>;
}
