import type { FastifyBodyParser, FastifyInstance } from 'fastify';
import { DomainError } from './domain-error.js';
import { decodeUtf8Body, illFormedPath, illFormedText } from './well-formed-unicode.js';

// The deepest a valid body goes is three levels (outcomes, an outcome, its fields). A body nested
// thousands deep is hostile: the validation walks it recursively and would overflow the stack.
export const MAX_BODY_DEPTH = 32;

// Fastify's JSON parser (which refuses __proto__ and constructor.prototype keys), plus a depth limit,
// and no text that is not well-formed Unicode (bytes that are not UTF-8, lone surrogates).
export function depthLimitedJsonParser(fastify: FastifyInstance): FastifyBodyParser<Buffer> {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  return (request, body, done) => {
    let text: string;
    try {
      text = decodeUtf8Body(body);
    } catch (error) {
      done(error as Error);
      return;
    }
    void parse(request, text, (error, value: unknown) => {
      if (error) {
        done(error);
        return;
      }
      if (nestsDeeperThan(value, MAX_BODY_DEPTH)) {
        done(new DomainError('validation_failed', `The body nests deeper than ${MAX_BODY_DEPTH} levels.`));
        return;
      }
      const illFormed = illFormedPath(value);
      done(illFormed === undefined ? null : illFormedText(illFormed), value);
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
