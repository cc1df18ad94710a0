import { createParamDecorator, Injectable, SetMetadata, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor.js';
import { DomainError } from '../common/domain-error.js';
import type { FormBody } from './form-body.js';
import { csrfTokenMatches, ConsoleSessionsService, type ConsoleSession } from './sessions/console-sessions.service.js';

export const SESSION_COOKIE = 'pt_session';
// The hidden field of every form that changes something.
export const CSRF_FIELD = '_csrf';
const OPEN_TO_VIEWERS = 'consoleOpenToViewers';

export type ConsoleRequest = FastifyRequest & { actor?: Actor; consoleSession?: ConsoleSession };

// Thrown when a console page is asked for without a live session: the console answers with the
// sign-in page.
export class SignInRequired extends Error {}

// A write a viewer may make too (signing out).
export const OpenToViewers = () => SetMetadata(OPEN_TO_VIEWERS, true);

// Console pages are signed in by the session cookie. Every POST must carry the session's CSRF
// token in its form, and, unless marked otherwise, come from an admin; refused posts change nothing
// because the guard runs before the handler.
@Injectable()
export class ConsoleGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: ConsoleSessionsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<ConsoleRequest>();
    const id = sessionCookie(request.headers.cookie);
    const session = id ? await this.sessions.resume(id) : undefined;
    if (!session) {
      throw new SignInRequired();
    }
    request.actor = session.actor;
    request.consoleSession = session;
    if (request.method !== 'POST') {
      return true;
    }
    const form = (request.body ?? {}) as FormBody;
    if (!csrfTokenMatches(session, form[CSRF_FIELD])) {
      throw new DomainError(
        'forbidden',
        'This form did not carry the security token of your session (it may come from an old page). Nothing was changed; open the page again and resubmit.',
      );
    }
    const openToViewers = this.reflector.getAllAndOverride<boolean>(OPEN_TO_VIEWERS, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!openToViewers && session.actor.role !== 'admin') {
      throw new DomainError(
        'forbidden',
        `Only admins can change things; "${session.actor.name}" is a viewer. Nothing was changed.`,
      );
    }
    return true;
  }
}

export function sessionCookie(header: string | undefined): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) {
      return value.join('=') || undefined;
    }
  }
  return undefined;
}

export const CurrentSession = createParamDecorator((_: unknown, context: ExecutionContext): ConsoleSession => {
  const session = context.switchToHttp().getRequest<ConsoleRequest>().consoleSession;
  if (!session) {
    throw new Error('CurrentSession used on a console route without ConsoleGuard');
  }
  return session;
});

// Pages that only admins may open at all (a viewer's write is refused by the guard already).
export function assertAdmin(session: ConsoleSession, what = 'This page'): void {
  if (session.actor.role !== 'admin') {
    throw new DomainError('forbidden', `${what} is for admins; "${session.actor.name}" is a viewer.`);
  }
}
