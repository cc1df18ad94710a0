export function RemoveButton({ kind, number }: { readonly kind: 'outcome' | 'position'; readonly number: number }) {
  const label = `${kind === 'outcome' ? 'Outcome' : 'Position'} ${number}`;
  return (
    <button
      type="submit"
      name="action"
      value={`remove-${kind}-${number}`}
      class="secondary"
      aria-label={`Remove ${label}`}
    >
      Remove
    </button>
  );
}
