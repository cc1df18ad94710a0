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
  readonly corsOrigins: readonly string[];
  // Failed authentications one client address may make per window before it gets 429.
  readonly authFailureLimit: number;
  readonly authFailureWindowSeconds: number;
  // The web console: a session unused for this long is over; Secure cookies behind TLS.
  readonly consoleSessionIdleMinutes: number;
  readonly consoleSecureCookie: boolean;
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
    corsOrigins: (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    authFailureLimit: integer(env, 'AUTH_FAILURE_LIMIT', 10, 1, 1_000_000),
    authFailureWindowSeconds: integer(env, 'AUTH_FAILURE_WINDOW', 60, 1, 24 * 60 * 60),
    consoleSessionIdleMinutes: integer(env, 'CONSOLE_SESSION_IDLE_MINUTES', 30, 1, 7 * 24 * 60),
    consoleSecureCookie: boolean(env, 'CONSOLE_SECURE_COOKIE', false),
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

function logLevel(env: Env): LogLevel {
  const raw = env.LOG_LEVEL ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(raw)) {
    throw new ConfigError(`LOG_LEVEL: "${raw}" must be one of ${LOG_LEVELS.join(', ')}`);
  }
  return raw as LogLevel;
}
