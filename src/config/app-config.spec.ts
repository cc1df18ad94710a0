import { ConfigError, loadConfig, parseDatabaseUrl } from './app-config.js';

describe('loadConfig', () => {
  it.each([
    ['*', 'any origin'],
    ['null', 'the opaque origin of files and sandboxes'],
    ['https://a.example, *', 'any origin among others'],
    ['tracker.example', 'an origin without a scheme'],
    ['https://a.example/path', 'an origin with a path'],
  ])('refuses CORS_ORIGINS=%s (%s)', (origins) => {
    expect(() => loadConfig({ CORS_ORIGINS: origins })).toThrow(ConfigError);
    expect(() => loadConfig({ CORS_ORIGINS: origins })).toThrow(/CORS_ORIGINS/);
  });

  it('has the documented defaults', () => {
    expect(loadConfig({})).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      database: { type: 'sqlite', path: 'data/tracker.sqlite' },
      adminToken: undefined,
      seed: true,
      logLevel: 'info',
      bodyLimitBytes: 1024 * 1024,
      idempotencyTtlHours: 24,
      corsOrigins: [],
    });
  });

  it('reads every setting', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_URL: 'sqlite::memory:',
      TRACKER_ADMIN_TOKEN: 'a-long-enough-admin-token',
      TRACKER_SEED: 'false',
      LOG_LEVEL: 'warn',
      CORS_ORIGINS: 'https://a.example, https://b.example',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      database: { type: 'sqlite', path: ':memory:' },
      adminToken: 'a-long-enough-admin-token',
      seed: false,
      logLevel: 'warn',
      corsOrigins: ['https://a.example', 'https://b.example'],
    });
  });

  it.each([
    [{ PORT: 'eighty' }, /^PORT: "eighty" must be a whole number/],
    [{ PORT: '70000' }, /^PORT:/],
    [{ HOST: ' ' }, /^HOST: must not be empty/],
    [{ DATABASE_URL: 'mysql://x' }, /^DATABASE_URL: .* must start with sqlite: or postgres:\/\//],
    [{ DATABASE_URL: 'sqlite:' }, /^DATABASE_URL: .* names no file/],
    [{ TRACKER_SEED: 'yes' }, /^TRACKER_SEED: "yes" must be true or false/],
    [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL: "loud" must be one of/],
    [{ TRACKER_ADMIN_TOKEN: 'short' }, /^TRACKER_ADMIN_TOKEN: must be at least 16 characters/],
  ])('stops with one line naming the bad setting: %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('never repeats a database password in its messages', () => {
    expect(() => parseDatabaseUrl('postgres://user:secret@:bad')).toThrow(/user:\*\*\*@/);
  });
});

describe('loadConfig: the failed-authentication limit', () => {
  it('allows 10 failures a minute by default', () => {
    const config = loadConfig({});
    expect(config.authFailureLimit).toBe(10);
    expect(config.authFailureWindowSeconds).toBe(60);
  });

  it('reads AUTH_FAILURE_LIMIT and AUTH_FAILURE_WINDOW', () => {
    const config = loadConfig({ AUTH_FAILURE_LIMIT: '5', AUTH_FAILURE_WINDOW: '300' });
    expect(config.authFailureLimit).toBe(5);
    expect(config.authFailureWindowSeconds).toBe(300);
  });

  it.each([
    ['AUTH_FAILURE_LIMIT', '0'],
    ['AUTH_FAILURE_LIMIT', 'ten'],
    ['AUTH_FAILURE_LIMIT', '2.5'],
    ['AUTH_FAILURE_WINDOW', '0'],
    ['AUTH_FAILURE_WINDOW', '86401'],
  ])('refuses %s=%s with a message that names it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });
});

describe('loadConfig: the web console', () => {
  it('ends idle sessions after 30 minutes and sends cookies without Secure by default', () => {
    const config = loadConfig({});
    expect(config.consoleSessionIdleMinutes).toBe(30);
    expect(config.consoleSessionMaxHours).toBe(12);
    expect(config.consoleSecureCookie).toBe(false);
  });

  it('reads CONSOLE_SESSION_IDLE_MINUTES and CONSOLE_SECURE_COOKIE', () => {
    const config = loadConfig({ CONSOLE_SESSION_IDLE_MINUTES: '5', CONSOLE_SECURE_COOKIE: 'true' });
    expect(config.consoleSessionIdleMinutes).toBe(5);
    expect(config.consoleSecureCookie).toBe(true);
  });

  it('refuses an idle time of 0 minutes', () => {
    expect(() => loadConfig({ CONSOLE_SESSION_IDLE_MINUTES: '0' })).toThrow('CONSOLE_SESSION_IDLE_MINUTES');
  });

  it('reads CONSOLE_SESSION_MAX_HOURS, from 1 hour to 30 days', () => {
    expect(loadConfig({ CONSOLE_SESSION_MAX_HOURS: '8' }).consoleSessionMaxHours).toBe(8);
    expect(() => loadConfig({ CONSOLE_SESSION_MAX_HOURS: '0' })).toThrow('CONSOLE_SESSION_MAX_HOURS');
    expect(() => loadConfig({ CONSOLE_SESSION_MAX_HOURS: '721' })).toThrow('CONSOLE_SESSION_MAX_HOURS');
  });
});
