// Every instant the console shows, one way: "2026-12-07 01:14 UTC" (the reports' Known at takes it
// back as typed).
export function Instant({ iso }: { readonly iso: string }) {
  return <time dateTime={iso}>{`${iso.slice(0, 16).replace('T', ' ')} UTC`}</time>;
}
