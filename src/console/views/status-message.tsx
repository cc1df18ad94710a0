import type { ComponentChildren } from 'preact';

// What a write did, said once on the page shown after it.
export function StatusMessage({ children }: { readonly children: ComponentChildren }) {
  return (
    <div class="notice" role="status">
      <p>{children}</p>
    </div>
  );
}
