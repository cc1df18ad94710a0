import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from './domain-error.js';
import { problemKind, problemTypeUri, type ProblemDetails } from './problem-details.js';

const GENERIC_TITLES: Record<number, string> = {
  400: 'Bad request',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  413: 'Payload too large',
  414: 'URI too long',
  415: 'Unsupported media type',
  503: 'Service unavailable',
};

// The one place where errors become HTTP answers: RFC 9457 problem details, never a stack trace.
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  // Names errors of lower layers as domain errors (a full disk as insufficient_storage), or leaves them.
  constructor(private readonly classify: (exception: unknown) => DomainError | undefined = () => undefined) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const problem = this.toProblem(exception, request);
    if (problem.status >= 500) {
      this.logger.error({ err: exception, reqId: request.id }, 'request failed');
    }
    sendProblem(reply, problem);
  }

  toProblem(thrown: unknown, request: FastifyRequest): ProblemDetails {
    const base = { instance: request.url.split('?')[0], requestId: String(request.id) };
    const exception = thrown instanceof DomainError ? thrown : (this.classify(thrown) ?? thrown);
    if (exception instanceof DomainError) {
      const { status, title } = problemKind(exception.code);
      return {
        type: problemTypeUri(exception.code),
        title,
        status,
        detail: exception.message,
        ...base,
        ...exception.extensions,
      };
    }
    const status = statusOf(exception);
    if (status !== undefined && status < 500) {
      return {
        type: problemTypeUri(status === 404 ? 'route_not_found' : `http_${status}`),
        title: GENERIC_TITLES[status] ?? 'Request refused',
        status,
        detail: clientMessage(exception, status),
        ...base,
      };
    }
    if (status === 503) {
      return {
        type: problemTypeUri('service_unavailable'),
        title: 'Service unavailable',
        status,
        detail: 'A dependency is not answering.',
        ...base,
      };
    }
    return {
      type: problemTypeUri('internal_error'),
      title: 'Internal error',
      status: 500,
      detail: 'Something went wrong on our side; the request id helps us find it.',
      ...base,
    };
  }
}

// Nest's HttpException, and Fastify's own errors (body too large, bad JSON, wrong content type).
function statusOf(exception: unknown): number | undefined {
  if (exception instanceof HttpException) {
    return exception.getStatus();
  }
  if (typeof exception === 'object' && exception !== null) {
    const { statusCode } = exception as { statusCode?: unknown };
    if (typeof statusCode === 'number' && statusCode >= 400 && statusCode <= 599) {
      return statusCode;
    }
  }
  return undefined;
}

function clientMessage(exception: unknown, status: number): string {
  if (status === 404) {
    return 'No such route.';
  }
  if (status === 413) {
    return 'The request body is over the size limit.';
  }
  if (status === 415) {
    return 'The body must be JSON, sent with Content-Type: application/json.';
  }
  const message = exception instanceof Error ? exception.message : '';
  if (/JSON/i.test(message) || (exception as { code?: string }).code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return `The body is not valid JSON: ${message.replace(/^.*?:\s*/, '')}`;
  }
  return message || GENERIC_TITLES[status] || 'Request refused';
}

// Also used for the errors Fastify raises before routing (a malformed percent-encoding in the path).
export function sendProblem(reply: FastifyReply, problem: ProblemDetails): void {
  const { retryAfterSeconds, wwwAuthenticate, ...answer } = problem;
  if (typeof retryAfterSeconds === 'number') {
    void reply.header('retry-after', String(retryAfterSeconds));
  }
  if (typeof wwwAuthenticate === 'string') {
    void reply.header('www-authenticate', wwwAuthenticate);
  }
  void reply
    .status(answer.status)
    .header('x-request-id', answer.requestId)
    .header('content-type', 'application/problem+json; charset=utf-8')
    .send(answer);
}
