import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest } from '../auth/actor.js';
import { DomainError } from '../common/domain-error.js';
import type { KeyedRequest } from './request-hash.js';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
// Visible ASCII: UUIDs, ULIDs and the like.
const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

// The request's Idempotency-Key with what scopes it, or undefined when the header is absent.
// Runs after the guard, so the token is known.
export const IdempotentRequest = createParamDecorator(
  (_: unknown, context: ExecutionContext): KeyedRequest | undefined => {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const key = request.headers[IDEMPOTENCY_KEY_HEADER.toLowerCase()];
    if (key === undefined) {
      return undefined;
    }
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      throw DomainError.validation([
        { field: IDEMPOTENCY_KEY_HEADER, message: 'must be 1 to 200 visible ASCII characters, sent once' },
      ]);
    }
    // The path as sent; the service makes it canonical (a meeting by id) before it scopes the key.
    return { key, method: request.method, path: request.url.split('?')[0] ?? '', actor: request.actor?.name ?? '' };
  },
);
