// An item, typed or picked from the list by its title (the list's values are slugs).
export function ItemField({ id, value, list }: { readonly id: string; readonly value: string; readonly list: string }) {
  return (
    <div class="field">
      <label for={id}>Item</label>
      <input id={id} name={id} type="text" value={value} list={list} maxLength={200} autocomplete="off" />
    </div>
  );
}
