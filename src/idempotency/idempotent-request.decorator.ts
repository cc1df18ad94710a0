import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../common/domain-error.js';
import type { KeyedRequest } from './request-hash.js';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
// Visible ASCII: UUIDs, ULIDs and the like.
const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

// The request's Idempotency-Key with what scopes it, or undefined when the header is absent.
export const IdempotentRequest = createParamDecorator(
  (_: unknown, context: ExecutionContext): KeyedRequest | undefined => {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const key = request.headers[IDEMPOTENCY_KEY_HEADER.toLowerCase()];
    if (key === undefined) {
      return undefined;
    }
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      throw DomainError.validation([
        { field: IDEMPOTENCY_KEY_HEADER, message: 'must be 1 to 200 visible ASCII characters, sent once' },
      ]);
    }
    return { key, method: request.method, path: request.url.split('?')[0] };
  },
);
