// Configuration comes from the environment and is checked once at start; a bad value stops the
// server with one line that names it.
export type DatabaseTarget =
  | { readonly type: 'sqlite'; readonly path: string }
  | { readonly type: 'postgres'; readonly url: string; readonly poolSize: number };

export const DEFAULT_DATABASE_POOL_SIZE = 10;

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface AppConfig {
  readonly port: number;
  readonly host: string;
  readonly database: DatabaseTarget;
  readonly adminToken: string | undefined;
  readonly seed: boolean;
  readonly logLevel: LogLevel;
  readonly bodyLimitBytes: number;
  readonly idempotencyTtlHours: number;
  // The largest answer kept for an Idempotency-Key; a keyed request answering more is refused.
  readonly idempotencyMaxAnswerBytes: number;
  readonly corsOrigins: readonly string[];
  // Failed authentications one client address may make per window before it gets 429.
  readonly authFailureLimit: number;
  readonly authFailureWindowSeconds: number;
  // The web console: a session unused for this long is over; Secure cookies behind TLS.
  readonly consoleSessionIdleMinutes: number;
  // However busy, a session is over this long after sign-in.
  readonly consoleSessionMaxHours: number;
  readonly consoleSecureCookie: boolean;
  // A request (headers and body) must have arrived within this; then 408 and the socket closes.
  readonly requestTimeoutMs: number;
  // A connection that sends and receives nothing for this long is closed.
  readonly connectionTimeoutMs: number;
  // Open connections one client address may hold at a time; more are closed at once.
  readonly maxConnectionsPerClient: number;
  // Report builds run at once, and builds that may wait for a turn; beyond that 503 + Retry-After.
  readonly reportBuildConcurrency: number;
  readonly reportQueueLimit: number;
  // Builds one client (token) may have running or waiting; beyond that 429 + Retry-After.
  readonly reportClientLimit: number;
  // Reports are built in worker threads (`threads`), or on the event loop (`inline`: the tests,
  // which run the TypeScript sources, and an in-memory database no other connection can open).
  readonly reportWorkers: 'threads' | 'inline';
  // The most events one report may read, and the largest document it may answer; beyond either
  // the question is refused (422) with how to narrow it.
  readonly reportMaxEvents: number;
  readonly reportMaxBytes: number;
  // Expensive reads one client (token) may have running at once: history pages larger than the
  // default, item lists filtered by a party's position. Beyond that 429 + Retry-After.
  readonly readClientLimit: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

type Env = Readonly<Record<string, string | undefined>>;

export function loadConfig(env: Env = process.env): AppConfig {
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    host: nonEmpty(env, 'HOST', '127.0.0.1'),
    database: parseDatabaseUrl(
      env.DATABASE_URL ?? 'sqlite:data/tracker.sqlite',
      integer(env, 'DATABASE_POOL_SIZE', DEFAULT_DATABASE_POOL_SIZE, 1, 1000),
    ),
    adminToken: optionalToken(env),
    seed: boolean(env, 'TRACKER_SEED', true),
    logLevel: logLevel(env),
    bodyLimitBytes: integer(env, 'BODY_LIMIT_BYTES', 1024 * 1024, 1024, 64 * 1024 * 1024),
    idempotencyTtlHours: integer(env, 'IDEMPOTENCY_TTL_HOURS', 24, 1, 24 * 365),
    idempotencyMaxAnswerBytes: integer(env, 'IDEMPOTENCY_MAX_ANSWER_BYTES', 1024 * 1024, 1024, 64 * 1024 * 1024),
    corsOrigins: corsOrigins(env),
    authFailureLimit: integer(env, 'AUTH_FAILURE_LIMIT', 10, 1, 1_000_000),
    authFailureWindowSeconds: integer(env, 'AUTH_FAILURE_WINDOW', 60, 1, 24 * 60 * 60),
    consoleSessionIdleMinutes: integer(env, 'CONSOLE_SESSION_IDLE_MINUTES', 30, 1, 7 * 24 * 60),
    consoleSessionMaxHours: integer(env, 'CONSOLE_SESSION_MAX_HOURS', 12, 1, 30 * 24),
    consoleSecureCookie: boolean(env, 'CONSOLE_SECURE_COOKIE', false),
    requestTimeoutMs: integer(env, 'REQUEST_TIMEOUT_MS', 30_000, 1000, 10 * 60 * 1000),
    connectionTimeoutMs: integer(env, 'CONNECTION_TIMEOUT_MS', 120_000, 1000, 60 * 60 * 1000),
    maxConnectionsPerClient: integer(env, 'MAX_CONNECTIONS_PER_CLIENT', 64, 1, 100_000),
    reportBuildConcurrency: integer(env, 'REPORT_BUILD_CONCURRENCY', 2, 1, 64),
    reportQueueLimit: integer(env, 'REPORT_QUEUE_LIMIT', 16, 0, 10_000),
    reportClientLimit: integer(env, 'REPORT_CLIENT_LIMIT', 2, 1, 10_000),
    reportWorkers: oneOf(env, 'REPORT_WORKERS', ['threads', 'inline'] as const, 'threads'),
    reportMaxEvents: integer(env, 'REPORT_MAX_EVENTS', 15_000, 1, 100_000_000),
    reportMaxBytes: integer(env, 'REPORT_MAX_BYTES', 4 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    readClientLimit: integer(env, 'READ_CLIENT_LIMIT', 2, 1, 10_000),
  };
}

export function parseDatabaseUrl(url: string, poolSize = DEFAULT_DATABASE_POOL_SIZE): DatabaseTarget {
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\//, '');
    if (!path) {
      throw new ConfigError(`DATABASE_URL: "${url}" names no file (use sqlite:data/tracker.sqlite or sqlite::memory:)`);
    }
    return { type: 'sqlite', path };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    try {
      new URL(url);
    } catch {
      throw new ConfigError(`DATABASE_URL: "${redact(url)}" is not a valid postgres:// URL`);
    }
    return { type: 'postgres', url, poolSize };
  }
  throw new ConfigError(`DATABASE_URL: "${redact(url)}" must start with sqlite: or postgres://`);
}

function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') {
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name}: "${raw}" must be a whole number from ${min} to ${max}`);
  }
  return value;
}

function nonEmpty(env: Env, name: string, fallback: string): string {
  const raw = env[name];
  if (raw === undefined) {
    return fallback;
  }
  if (!raw.trim()) {
    throw new ConfigError(`${name}: must not be empty`);
  }
  return raw.trim();
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') {
    return fallback;
  }
  if (raw === 'true' || raw === '1') {
    return true;
  }
  if (raw === 'false' || raw === '0') {
    return false;
  }
  throw new ConfigError(`${name}: "${raw}" must be true or false`);
}

function optionalToken(env: Env): string | undefined {
  const raw = env.TRACKER_ADMIN_TOKEN;
  if (raw === undefined || raw === '') {
    return undefined;
  }
  if (raw.length < 16 || /\s/.test(raw)) {
    throw new ConfigError('TRACKER_ADMIN_TOKEN: must be at least 16 characters with no white space');
  }
  return raw;
}

// Origins as a browser sends them: scheme://host[:port]. `*` would let any site read the API with a
// token it got hold of, and `null` is the origin of every sandboxed frame and local file.
function corsOrigins(env: Env): string[] {
  const origins = (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of origins) {
    if (!/^https?:\/\/[A-Za-z0-9.-]+(?::\d{1,5})?$/.test(origin)) {
      throw new ConfigError(
        `CORS_ORIGINS: "${origin}" is not an origin such as https://tracker.example (* and null are refused)`,
      );
    }
  }
  return origins;
}

function oneOf<T extends string>(env: Env, name: string, values: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') {
    return fallback;
  }
  if (!(values as readonly string[]).includes(raw)) {
    throw new ConfigError(`${name}: "${raw}" must be one of ${values.join(', ')}`);
  }
  return raw as T;
}

function logLevel(env: Env): LogLevel {
  const raw = env.LOG_LEVEL ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(raw)) {
    throw new ConfigError(`LOG_LEVEL: "${raw}" must be one of ${LOG_LEVELS.join(', ')}`);
  }
  return raw as LogLevel;
}
