import { ConfigError, loadConfig } from './app-config.js';

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
