import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '../common/domain-error.js';
import type { AuthenticatedRequest } from './actor.js';
import { AuthFailureLimiter } from './auth-failure-limiter.js';
import type { TokenRole } from './api-token.entity.js';
import { PUBLIC_ROUTE, REQUIRED_ROLE } from './roles.js';
import { TokensService } from './tokens.service.js';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokensService,
    private readonly failures: AuthFailureLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) {
      return true;
    }
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const retryAfterSeconds = this.failures.retryAfterSeconds(request.ip);
    if (retryAfterSeconds !== undefined) {
      this.logger.debug({ msg: 'authentication refused: too many failures', ip: request.ip, reqId: request.id });
      throw new DomainError(
        'too_many_attempts',
        `Too many failed authentications from this address; try again in ${retryAfterSeconds} s.`,
        { retryAfterSeconds },
      );
    }
    const secret = bearerSecret(request.headers.authorization);
    const actor = secret ? await this.tokens.authenticate(secret) : undefined;
    if (!actor) {
      this.failures.recordFailure(request.ip);
      // Who tried and why, never what they sent.
      this.logger.warn({
        msg: 'authentication failed',
        ip: request.ip,
        tokenSent: secret !== undefined,
        reqId: request.id,
      });
      // RFC 6750: name the scheme, and say invalid_token only when a bearer token was sent.
      throw new DomainError(
        'unauthenticated',
        secret ? 'The token is unknown or has been revoked.' : 'Send Authorization: Bearer <token>.',
        {
          wwwAuthenticate: secret
            ? 'Bearer realm="policy-tracker", error="invalid_token", error_description="The token is unknown or has been revoked"'
            : 'Bearer realm="policy-tracker"',
        },
      );
    }
    const required: TokenRole =
      this.reflector.getAllAndOverride<TokenRole | undefined>(REQUIRED_ROLE, targets) ??
      (READ_METHODS.has(request.method) ? 'viewer' : 'admin');
    if (required === 'admin' && actor.role !== 'admin') {
      throw new DomainError('forbidden', `This needs an admin token; "${actor.name}" is a ${actor.role}.`);
    }
    request.actor = actor;
    return true;
  }
}

function bearerSecret(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}
