import { DomainError } from './domain-error.js';

// A lone UTF-16 surrogate cannot be stored: SQLite and PostgreSQL keep UTF-8, so it would read back
// as U+FFFD and no longer match the hash taken of what was sent. API.md v1.1: refuse it, naming
// the field, wherever it comes from.
export const WELL_FORMED_MESSAGE = 'must be well-formed Unicode (it holds a lone UTF-16 surrogate)';
const UTF8_MESSAGE = 'must be percent-encoded UTF-8 and well-formed Unicode';

// With the u flag, \p{Cs} matches a surrogate only when it is not half of a pair.
const LONE_SURROGATE = /\p{Cs}/u;

function isWellFormed(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

export function illFormedText(field: string, message = WELL_FORMED_MESSAGE): DomainError {
  return DomainError.validation([{ field, message }], `${field} ${message}.`);
}

// The path (outcomes.1.reason) of the first string or key in a parsed JSON value that is not
// well-formed, or undefined. Iterative, like the depth check, so a deep value cannot overflow.
export function illFormedPath(value: unknown): string | undefined {
  const pending: [unknown, string][] = [[value, '']];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [current, path] = next;
    if (typeof current === 'string') {
      if (!isWellFormed(current)) {
        return path || 'body';
      }
      continue;
    }
    if (current === null || typeof current !== 'object') {
      continue;
    }
    for (const [key, child] of Object.entries(current)) {
      const childPath = path ? `${path}.${key}` : key;
      if (!isWellFormed(key)) {
        return childPath;
      }
      pending.push([child, childPath]);
    }
  }
  return undefined;
}

export function assertWellFormed(value: unknown): void {
  const path = illFormedPath(value);
  if (path !== undefined) {
    throw illFormedText(path);
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

// A body's bytes as text; bytes that are not UTF-8 are refused rather than read as U+FFFD.
export function decodeUtf8Body(body: Buffer): string {
  try {
    return UTF8.decode(body);
  } catch {
    throw illFormedText('body', 'must be UTF-8');
  }
}

// Query values as sent, before Fastify decodes them: its decoder keeps a sequence that is not
// UTF-8 (%ED%A0%BD, the CESU-8 form of a lone surrogate, or %FF) as it is, silently.
export function assertWellFormedQuery(url: string): void {
  const query = url.split('?', 2).at(1);
  for (const pair of query?.split('&') ?? []) {
    const separator = pair.indexOf('=');
    const name = separator === -1 ? pair : pair.slice(0, separator);
    const value = separator === -1 ? '' : pair.slice(separator + 1);
    if (!decodesToWellFormed(name)) {
      throw illFormedText(name, UTF8_MESSAGE);
    }
    if (!decodesToWellFormed(value)) {
      throw illFormedText(decodeURIComponent(name.replace(/\+/g, ' ')), UTF8_MESSAGE);
    }
  }
}

// The route patterns (/api/items/:key), so that a path Fastify cannot decode, which it refuses
// before routing, is refused naming the parameter it was sent for.
export class PathParameterNames {
  private readonly patterns: string[][] = [];

  add(pattern: string): void {
    this.patterns.push(pattern.split('/'));
  }

  illFormedPath(url: string): DomainError {
    const segments = (url.split('?', 1)[0] ?? '').split('/');
    const index = segments.findIndex((segment) => !decodesToWellFormed(segment));
    const pattern = this.patterns.find(
      (candidate) =>
        candidate.length === segments.length &&
        candidate.every((part, at) => part.startsWith(':') || at === index || part === segments[at]),
    );
    const parameter = pattern?.[index]?.startsWith(':') ? pattern[index].slice(1) : 'path';
    return illFormedText(parameter, UTF8_MESSAGE);
  }
}

function decodesToWellFormed(encoded: string): boolean {
  if (!encoded.includes('%')) {
    return isWellFormed(encoded);
  }
  try {
    return isWellFormed(decodeURIComponent(encoded.replace(/\+/g, ' ')));
  } catch {
    return false;
  }
}
