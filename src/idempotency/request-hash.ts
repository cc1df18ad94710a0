import { createHash } from 'node:crypto';

export interface KeyedRequest {
  readonly key: string;
  readonly method: string;
  // The canonical path of the resource (by id, without the query string). Keys are scoped by it,
  // so one key may serve two meetings, and a retry by id replays a request sent by slug.
  readonly path: string;
  // The token's name. Keys are scoped by it too: one client's key never answers another's request.
  readonly actor: string;
}

export function recordKey(request: KeyedRequest): string {
  return sha256(JSON.stringify([request.actor, request.method, request.path, request.key]));
}

// Equal for two requests that mean the same, whatever the order of their JSON members.
export function requestHash(request: KeyedRequest, body: unknown): string {
  return sha256(JSON.stringify([request.method, request.path, canonical(body)]));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(canonical);
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, member]) => member !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([name, member]) => [name, canonical(member)]),
    );
  }
  return value;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
