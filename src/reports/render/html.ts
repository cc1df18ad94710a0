// Markup is built only through the `html` template below: every interpolated value is escaped
// unless it is already markup, so user text can never become a tag or an attribute.
export class SafeHtml {
  constructor(readonly markup: string) {}

  toString(): string {
    return this.markup;
  }
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

const SPECIAL = /[&<>"']/;

// Most text has nothing to escape: testing first spares a copy of it (a report has tens of thousands).
export function escapeHtml(text: string): string {
  return SPECIAL.test(text) ? text.replace(/[&<>"']/g, (character) => ENTITIES[character] ?? character) : text;
}

export type Interpolation = SafeHtml | string | number | null | undefined | false | readonly Interpolation[];

// Plain loops and concatenation: a report's table calls this for every cell.
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  // A template has one string more than values.
  let markup = strings[0];
  for (let index = 0; index < values.length; index += 1) {
    markup += toMarkup(values[index]) + strings[index + 1];
  }
  return new SafeHtml(markup);
}

function toMarkup(value: Interpolation): string {
  if (value instanceof SafeHtml) {
    return value.markup;
  }
  if (Array.isArray(value)) {
    let markup = '';
    for (const part of value as readonly Interpolation[]) {
      markup += toMarkup(part);
    }
    return markup;
  }
  if (value === null || value === undefined || value === false) {
    return '';
  }
  return escapeHtml(String(value));
}
