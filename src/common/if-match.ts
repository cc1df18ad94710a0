import { DomainError } from './domain-error.js';

// The strong entity tags an If-Match header lists (RFC 9110 13.1.1), or undefined when there is no
// precondition beyond the item existing (no header, or `*`). Weak tags are kept in the list: they
// never match under the strong comparison If-Match uses, so they make a 412 rather than a 400.
export type IfMatch = readonly string[] | undefined;

// entity-tag = [ W/ ] DQUOTE *etagc DQUOTE, etagc = %x21 / %x23-7E / obs-text; a #list separates
// them by commas with optional white space, and empty elements are ignored.
const ENTITY_TAG = '(?:W/)?"[\\x21\\x23-\\x7e\\x80-\\xff]*"';
const LIST_ELEMENT = `[ \\t]*(?:${ENTITY_TAG}[ \\t]*)?`;
const ENTITY_TAG_LIST = new RegExp(`^${LIST_ELEMENT}(?:,${LIST_ELEMENT})*$`);
const ENTITY_TAGS = new RegExp(ENTITY_TAG, 'g');

export function parseIfMatch(header: string | undefined): IfMatch {
  if (header === undefined) {
    return undefined;
  }
  if (header.trim() === '*') {
    return undefined;
  }
  const tags = ENTITY_TAG_LIST.test(header) ? (header.match(ENTITY_TAGS) ?? []) : [];
  if (tags.length === 0) {
    throw DomainError.validation(
      [{ field: 'If-Match', message: 'must be * or a list of entity tags, e.g. "3" (with the quotes)' }],
      `If-Match: ${JSON.stringify(header.slice(0, 100))} is not * or a list of entity tags such as "3".`,
    );
  }
  return tags;
}

export function requireIfMatch(header: string | undefined): IfMatch {
  if (header === undefined || header.trim() === '') {
    throw new DomainError('precondition_required', 'Send If-Match with the ETag of the version you read.');
  }
  return parseIfMatch(header);
}

// Strong comparison: a weak tag, or "01" for version 1, never matches.
export function assertIfMatch(ifMatch: IfMatch, version: number, slug: string): void {
  if (ifMatch !== undefined && !ifMatch.includes(etag(version))) {
    throw new DomainError(
      'version_mismatch',
      `If-Match names ${ifMatch.join(', ')}, but ${slug} is at version ${version} (ETag ${etag(version)}).`,
      { currentVersion: version },
    );
  }
}

export function etag(version: number): string {
  return `"${version}"`;
}
