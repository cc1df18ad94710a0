import { TokensService } from '../../src/auth/tokens.service.js';
import { ConsoleSessionsService } from '../../src/console/sessions/console-sessions.service.js';
import { HistoryFeedService } from '../../src/history/history-feed.service.js';
import { ItemsService } from '../../src/items/items.service.js';
import { makeItem, makeMeeting, TEST_ACTOR } from './support/factories.js';
import { startServicesPerSuite } from './support/service-context.js';

describe('The console services on a real database', () => {
  const services = startServicesPerSuite({ CONSOLE_SESSION_IDLE_MINUTES: '5' });

  it('starts a session for a known token only, resumes it, and ends it', async () => {
    const sessions = services.get(ConsoleSessionsService);
    const { token } = await services.get(TokensService).create('console-admin', 'admin');
    expect(await sessions.start('pt_unknown')).toBeUndefined();
    const started = await sessions.start(token);
    expect(started).toMatchObject({ actor: { name: 'console-admin', role: 'admin' } });
    expect(started!.id).not.toBe(started!.csrfToken);
    expect(await sessions.resume(started!.id)).toEqual({ actor: started!.actor, csrfToken: started!.csrfToken });
    await sessions.end(started!.id);
    expect(await sessions.resume(started!.id)).toBeUndefined();
  });

  it("ends every session of a token when it is revoked, and reads the token's role on each resume", async () => {
    const sessions = services.get(ConsoleSessionsService);
    const tokens = services.get(TokensService);
    const { token } = await tokens.create('console-viewer', 'viewer');
    const first = await sessions.start(token);
    const second = await sessions.start(token);
    expect((await sessions.resume(first!.id))?.actor.role).toBe('viewer');
    await tokens.revoke('console-viewer');
    expect(await sessions.resume(first!.id)).toBeUndefined();
    expect(await sessions.resume(second!.id)).toBeUndefined();
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
