import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DomainError } from '../common/domain-error.js';
import { problemKind } from '../common/problem-details.js';
import { SignInRequired, type ConsoleRequest } from './console.guard.js';
import { sendPage } from './page.js';
import { MessagePage } from './views/message.page.js';

// Console pages answer errors as pages, not as problem documents: the same status, said in words.
@Catch()
export class ConsoleErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Console');

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<ConsoleRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (exception instanceof SignInRequired) {
      void reply.status(303).header('location', '/sign-in').header('cache-control', 'no-store').send();
      return;
    }
    const { status, title, message } = describe(exception);
    if (status >= 500) {
      this.logger.error({ err: exception, reqId: request.id }, 'console page failed');
    }
    sayWhenToComeBack(reply, exception);
    void reply.send(
      sendPage(reply, <MessagePage title={title} message={message} session={request.consoleSession} />, status),
    );
  }
}

// A refusal that says when to ask again (429, 503) says it in Retry-After, on a page as in a problem.
export function sayWhenToComeBack(reply: FastifyReply, exception: unknown): void {
  const retryAfter =
    exception instanceof DomainError && 'retryAfterSeconds' in exception.extensions
      ? exception.extensions.retryAfterSeconds
      : undefined;
  if (typeof retryAfter === 'number') {
    void reply.header('retry-after', String(retryAfter));
  }
}

function describe(exception: unknown): { status: number; title: string; message: string } {
  if (exception instanceof DomainError) {
    const { status, title } = problemKind(exception.code);
    return { status, title, message: exception.message };
  }
  if (exception instanceof HttpException && exception.getStatus() < 500) {
    return { status: exception.getStatus(), title: 'Request refused', message: exception.message };
  }
  return {
    status: 500,
    title: 'Something went wrong',
    message:
      'Something went wrong on our side; nothing you did caused it. Try again, and tell an admin if it persists.',
  };
}
