import { jest } from '@jest/globals';
import { AccountsService } from '../../src/accounts/accounts.service.js';
import { TokensService } from '../../src/auth/tokens.service.js';
import { ConsoleSessionsService } from '../../src/console/sessions/console-sessions.service.js';
import { HistoryFeedService } from '../../src/history/history-feed.service.js';
import { ItemsService } from '../../src/items/items.service.js';
import { makeItem, makeMeeting, TEST_ACTOR } from './support/factories.js';
import { startServicesPerSuite } from './support/service-context.js';

describe('The console services on a real database', () => {
  const services = startServicesPerSuite({ CONSOLE_SESSION_IDLE_MINUTES: '5', CONSOLE_SESSION_MAX_HOURS: '1' });

  it('starts a session for a known token only, resumes it, and ends it', async () => {
    const sessions = services.get(ConsoleSessionsService);
    const { token } = await services.get(TokensService).create('console-admin', 'admin');
    expect(await sessions.start('pt_unknown')).toBeUndefined();
    const started = await sessions.start(token);
    expect(started).toMatchObject({ kind: 'token', actor: { name: 'console-admin', role: 'admin' } });
    expect(defined(started).id).not.toBe(defined(started).csrfToken);
    expect(await sessions.resume(defined(started).id)).toEqual({
      kind: 'token',
      actor: defined(started).actor,
      csrfToken: defined(started).csrfToken,
      idHash: defined(started).idHash,
    });
    await sessions.end(defined(started).id);
    expect(await sessions.resume(defined(started).id)).toBeUndefined();
  });

  it("ends every session of a token when it is revoked, and reads the token's role on each resume", async () => {
    const sessions = services.get(ConsoleSessionsService);
    const tokens = services.get(TokensService);
    const { token } = await tokens.create('console-viewer', 'viewer');
    const first = await sessions.start(token);
    const second = await sessions.start(token);
    expect((await sessions.resume(defined(first).id))?.actor.role).toBe('viewer');
    await tokens.revoke('console-viewer');
    expect(await sessions.resume(defined(first).id)).toBeUndefined();
    expect(await sessions.resume(defined(second).id)).toBeUndefined();
  });

  it('signs an account in by its password, says a flash once, and ends its sessions when disabled', async () => {
    const sessions = services.get(ConsoleSessionsService);
    const accounts = services.get(AccountsService);
    await accounts.create({ username: 'ana', displayName: 'Ana Silva', role: 'admin', password: 'lisbon in november' });
    expect(await sessions.startForAccount('ana', 'lisbon in december')).toBeUndefined();
    expect(await sessions.startForAccount('nobody', 'lisbon in november')).toBeUndefined();
    const started = await sessions.startForAccount('ana', 'lisbon in november');
    expect(started).toMatchObject({ kind: 'account', actor: { name: 'ana', role: 'admin' }, displayName: 'Ana Silva' });
    await sessions.say(defined(started), 'Done.');
    expect((await sessions.resume(defined(started).id))?.flash).toBe('Done.');
    expect((await sessions.resume(defined(started).id))?.flash).toBeUndefined();
    await accounts.create({ username: 'bea', displayName: 'Bea', role: 'viewer', password: 'a long password' });
    const bea = await sessions.startForAccount('bea', 'a long password');
    await accounts.disable('bea', defined(started).actor);
    expect(await sessions.resume(defined(bea).id)).toBeUndefined();
    expect(await sessions.startForAccount('bea', 'a long password')).toBeUndefined();
  });

  it('refuses a username that a token or another account has, and disabling your own account', async () => {
    const accounts = services.get(AccountsService);
    await services.get(TokensService).create('robot', 'viewer');
    const input = { username: 'robot', displayName: 'R', role: 'viewer' as const, password: 'a long password' };
    await expect(accounts.create(input)).rejects.toMatchObject({ code: 'account_name_taken' });
    await accounts.create({ ...input, username: 'carla' });
    await expect(accounts.create({ ...input, username: 'carla' })).rejects.toMatchObject({
      code: 'account_name_taken',
    });
    await expect(accounts.disable('carla', { name: 'carla', role: 'admin' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(accounts.resetPassword('nobody', 'a long password')).rejects.toMatchObject({
      code: 'account_not_found',
    });
  });

  it('changes a password only with the current one', async () => {
    const accounts = services.get(AccountsService);
    await accounts.create({ username: 'dora', displayName: 'Dora', role: 'viewer', password: 'first password' });
    await expect(accounts.changePassword('dora', 'wrong password', 'second password')).rejects.toMatchObject({
      code: 'validation_failed',
    });
    await accounts.changePassword('dora', 'first password', 'second password');
    expect(await accounts.authenticate('dora', 'first password')).toBeUndefined();
    expect(await accounts.authenticate('dora', 'second password')).toMatchObject({ name: 'dora' });
  });

  it('ends a session after its absolute lifetime however busy, and after the idle limit since the last request', async () => {
    const sessions = services.get(ConsoleSessionsService);
    const { token } = await services.get(TokensService).create('busy', 'admin');
    const old = await sessions.start(token);
    const idle = await sessions.start(token);
    const now = Date.now();
    jest.useFakeTimers({ now, doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'setInterval', 'queueMicrotask'] });
    try {
      // Used every four minutes (the idle limit is five): still open after twelve.
      for (let minutes = 4; minutes <= 12; minutes += 4) {
        jest.setSystemTime(now + minutes * 60_000);
        expect(await sessions.resume(defined(old).id)).toBeDefined();
      }
      expect(await sessions.resume(defined(idle).id)).toBeUndefined();
      // CONSOLE_SESSION_MAX_HOURS is 1 here.
      for (let minutes = 16; minutes < 60; minutes += 4) {
        jest.setSystemTime(now + minutes * 60_000);
        expect(await sessions.resume(defined(old).id)).toBeDefined();
      }
      jest.setSystemTime(now + 60 * 60_000 + 1);
      expect(await sessions.resume(defined(old).id)).toBeUndefined();
    } finally {
      jest.useRealTimers();
    }
  });

  it('counts the items in each state, every state named', async () => {
    const before = await services.get(ItemsService).countByState();
    await makeItem(services);
    const after = await services.get(ItemsService).countByState();
    expect(Object.keys(after)).toHaveLength(7);
    expect(after).toEqual({ ...before, proposed: before.proposed + 1 });
  });

  it('lists the newest events first, and the events linked to a meeting', async () => {
    const meeting = await makeMeeting(services, { heldOn: '2010-11-20' });
    const item = await makeItem(services);
    await services
      .get(ItemsService)
      .transition(item.slug, { to: 'agreed', meeting: meeting.slug }, undefined, TEST_ACTOR);
    const [newest, previous] = await services.get(HistoryFeedService).latest(2);
    expect(newest).toMatchObject({ item: item.slug, title: item.title, action: 'transitioned', meeting: meeting.slug });
    expect(previous).toMatchObject({ item: item.slug, action: 'created' });
    const decided = await services.get(HistoryFeedService).ofMeeting(meeting.id);
    expect(decided.map((event) => [event.item, event.toState])).toEqual([[item.slug, 'agreed']]);
  });
});

function defined<T>(value: T | undefined): T {
  if (value === undefined) {
    throw new Error('expected a value');
  }
  return value;
}
