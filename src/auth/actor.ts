import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { TokenRole } from './api-token.entity.js';

export interface Actor {
  readonly name: string;
  readonly role: TokenRole;
}

export type AuthenticatedRequest = FastifyRequest & { actor?: Actor };

// The name of the token that made the request: the actor recorded in the history.
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.actor) {
    throw new Error('CurrentActor used on a route without authentication');
  }
  return request.actor;
});
