import { DomainError } from './domain-error.js';

// ETags are the item version in quotes. `*` matches any version; a tag that is not a version
// can never match, so it is a 412 rather than a 400.
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) {
    return undefined;
  }
  const tags = header.split(',').map((tag) => tag.trim());
  if (tags.includes('*')) {
    return undefined;
  }
  for (const tag of tags) {
    const match = /^(?:W\/)?"(\d{1,9})"$/.exec(tag);
    if (match) {
      return Number(match[1]);
    }
  }
  return -1;
}

export function requireIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '') {
    throw new DomainError('precondition_required', 'Send If-Match with the ETag of the version you read.');
  }
  return parseIfMatch(header);
}

export function etag(version: number): string {
  return `"${version}"`;
}
