import type { FastifyBodyParser, FastifyInstance } from 'fastify';
import { DomainError } from './domain-error.js';

// The deepest a valid body goes is three levels (outcomes, an outcome, its fields). A body nested
// thousands deep is hostile: the validation walks it recursively and would overflow the stack.
export const MAX_BODY_DEPTH = 32;

// Fastify's JSON parser (which refuses __proto__ and constructor.prototype keys), plus a depth limit.
export function depthLimitedJsonParser(fastify: FastifyInstance): FastifyBodyParser<Buffer> {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  return (request, body, done) => {
    void parse(request, body.toString('utf8'), (error, value: unknown) => {
      if (!error && nestsDeeperThan(value, MAX_BODY_DEPTH)) {
        done(new DomainError('validation_failed', `The body nests deeper than ${MAX_BODY_DEPTH} levels.`));
        return;
      }
      done(error, value);
    });
  };
}

// Iterative, so that the check itself cannot overflow the stack.
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const pending: [unknown, number][] = [[value, 1]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [current, depth] = next;
    if (current === null || typeof current !== 'object') {
      continue;
    }
    if (depth > limit) {
      return true;
    }
    for (const child of Object.values(current)) {
      pending.push([child, depth + 1]);
    }
  }
  return false;
}
