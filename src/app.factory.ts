import { randomUUID } from 'node:crypto';
import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { LogController, type FastifyError, type FastifyReply, type FastifyRequest } from 'fastify';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { dump as dumpYaml } from 'js-yaml';
import helmet from 'helmet';
import { pino, type DestinationStream } from 'pino';
import { AppModule } from './app.module.js';
import { createOpenApiDocument, MAX_PATH_PARAMETER_LENGTH } from './app.openapi.js';
import type { AppConfig } from './config/app-config.js';
import { PinoNestLogger } from './common/pino-nest-logger.js';
import { clientErrorHandler } from './common/client-error.handler.js';
import { capConnectionsPerClient } from './common/connection-cap.js';
import { depthLimitedJsonParser } from './common/json-body-parser.js';
import { registerScoreMatrixParser } from './compliance/score-matrix-body.js';
import { registerFormParsers } from './console/form-body.js';
import { redactedUrl } from './common/redact-url.js';
import { assertWellFormedQuery, PathParameterNames } from './common/well-formed-unicode.js';
import { ProblemFilter, sendProblem } from './common/problem.filter.js';
import { StorageHealth, storageProblem } from './database/storage-health.js';
import { validationExceptionFactory } from './common/validation-errors.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export interface AppOptions {
  // Where the JSON log lines go (standard output by default); tests read them from here.
  readonly logDestination?: DestinationStream;
  // Nest's start-up log lines wait until the caller flushes them (app.flushLogs()), so that what
  // start-up prints for a person, the bootstrap token, comes before them instead of among them.
  readonly holdStartupLogs?: boolean;
}

export async function createApp(config: AppConfig, options: AppOptions = {}): Promise<NestFastifyApplication> {
  const logger = pino(
    {
      level: config.logLevel,
      // Secrets never reach the logs, whatever a log call is handed.
      redact: {
        paths: ['req.headers.authorization', 'headers.authorization', 'authorization', 'token', 'secret'],
        censor: '[redacted]',
      },
    },
    options.logDestination,
  );
  // A read that meets a storage fault is named as one (503), like a write, and /health turns
  // degraded with it (the app's StorageHealth, known once the app is made).
  const health: { storage?: StorageHealth } = {};
  const problems = new ProblemFilter((error) => {
    health.storage?.recordFailure(error);
    return storageProblem(error);
  });
  const parameterNames = new PathParameterNames();
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    bodyLimit: config.bodyLimitBytes,
    routerOptions: { maxParamLength: MAX_PATH_PARAMETER_LENGTH },
    // A client that sends its request slowly (a byte every few seconds) would hold a connection
    // for ever: the whole request must arrive within requestTimeout (408 otherwise), Node checks
    // every second instead of every 30 s, and an idle connection closes after connectionTimeout.
    requestTimeout: config.requestTimeoutMs,
    connectionTimeout: config.connectionTimeoutMs,
    http: { headersTimeout: config.requestTimeoutMs, connectionsCheckingInterval: 1000 },
    // One line per request, written by the onResponse hook below, instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    requestIdHeader: false,
    // A caller's own request id is kept when it is sane, so logs can be joined across systems.
    genReqId: (request: { headers: Record<string, string | string[] | undefined> }) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    // Errors raised before routing, and requests Node's parser refuses, are problems too.
    // A path that does not decode to well-formed Unicode is refused naming its parameter.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) =>
      sendProblem(
        reply,
        problems.toProblem(
          error.code === 'FST_ERR_BAD_URL' ? parameterNames.illFormedPath(request.url) : error,
          request,
        ),
      ),
    clientErrorHandler,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: new PinoNestLogger(logger),
    bufferLogs: options.holdStartupLogs ?? false,
    autoFlushLogs: !(options.holdStartupLogs ?? false),
    abortOnError: false,
  });
  health.storage = app.get(StorageHealth);
  app.useGlobalFilters(problems);
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      // Every rule is checked; the error names, per field, the most basic one it breaks.
      exceptionFactory: validationExceptionFactory,
    }),
  );
  const fastify = app.getHttpAdapter().getInstance();
  capConnectionsPerClient(fastify.server, config.maxConnectionsPerClient);
  app.useBodyParser('application/json', { bodyLimit: config.bodyLimitBytes }, depthLimitedJsonParser(fastify));
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    done();
  });
  // Query values that are not well-formed Unicode are refused before anything reads them.
  fastify.addHook('onRequest', (request, _reply, done) => {
    try {
      assertWellFormedQuery(request.url);
      done();
    } catch (error) {
      done(error as Error);
    }
  });
  fastify.addHook('onRoute', (route) => parameterNames.add(route.url));
  fastify.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        url: redactedUrl(request.url),
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
  });
  // helmet's middleware, built once: @fastify/helmet builds a new one (and parses the policy again)
  // for every request.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      // The service speaks plain HTTP unless a proxy adds TLS: upgrading would break /docs there.
      directives: { upgradeInsecureRequests: null },
    },
  });
  fastify.addHook('onRequest', (request, reply, done) =>
    securityHeaders(request.raw, reply.raw, (error?: unknown) => done(error instanceof Error ? error : undefined)),
  );
  if (config.corsOrigins.length > 0) {
    // Exactly the configured origins (never `*` or `null`: the configuration refuses them), every
    // method the API has, and the headers browser code needs to read (ETag for If-Match).
    app.enableCors({
      origin: [...config.corsOrigins],
      methods: ['GET', 'HEAD', 'POST', 'PATCH', 'DELETE'],
      allowedHeaders: ['Authorization', 'Content-Type', 'Accept', 'If-Match', 'Idempotency-Key', 'X-Request-Id'],
      exposedHeaders: ['ETag', 'Location', 'Retry-After', 'X-Request-Id', 'WWW-Authenticate'],
      maxAge: 600,
    });
  }
  // Built on the first request for it rather than at start: it walks every route's metadata.
  let built: OpenAPIObject | undefined;
  const document = () => (built ??= createOpenApiDocument(app, config));
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'openapi.json', raw: ['json'] });
  // Swagger's own YAML route dumps the whole document on every request, half a second of the event
  // loop each; this one dumps it once.
  let yaml: string | undefined;
  fastify.get('/openapi.yaml', (_request, reply) =>
    reply.type('text/yaml').send((yaml ??= dumpYaml(document(), { skipInvalid: true, noRefs: true }))),
  );
  // `/` is the web console (src/console/); its sign-in page links to the browsable API.
  // SIGTERM/SIGINT: stop accepting, finish the requests in flight, close the database, exit 0.
  app.enableShutdownHooks(undefined, { useProcessExit: true });
  await app.init();
  // The API speaks JSON only: other bodies are 415, not strings handed to the validators. The
  // console's HTML forms are parsed for the console's paths alone.
  fastify.removeContentTypeParser(['text/plain', 'application/x-www-form-urlencoded']);
  registerFormParsers(fastify);
  registerScoreMatrixParser(fastify);
  return app;
}
