import { sessionCookie } from './console.guard.js';
import { csrfTokenMatches } from './sessions/console-sessions.service.js';

describe('console session cookie and CSRF token', () => {
  it('finds the session cookie among others', () => {
    expect(sessionCookie('a=1; pt_session=abc_DEF-1; b=2')).toBe('abc_DEF-1');
    expect(sessionCookie('pt_session=')).toBeUndefined();
    expect(sessionCookie('pt_sessions=x')).toBeUndefined();
    expect(sessionCookie(undefined)).toBeUndefined();
  });

  it('accepts only the exact CSRF token of the session', () => {
    const session = {
      kind: 'token' as const,
      actor: { name: 'a', role: 'admin' as const },
      csrfToken: 'token-1',
      idHash: 'h',
    };
    expect(csrfTokenMatches(session, 'token-1')).toBe(true);
    expect(csrfTokenMatches(session, 'token-2')).toBe(false);
    expect(csrfTokenMatches(session, 'token-')).toBe(false);
    expect(csrfTokenMatches(session, undefined)).toBe(false);
    expect(csrfTokenMatches(session, { filename: 'x', text: 'token-1' })).toBe(false);
  });
});
