import { historyOf, makeItem, makeMeeting } from './support/factories.js';
import { bearer, startTestAppPerSuite } from './support/test-app.js';

const today = new Date().toISOString().slice(0, 10);

describe('workflow and transitions', () => {
  const t = startTestAppPerSuite();

  const move = (key: string, body: Record<string, unknown>, ifMatch?: string) => {
    const call = t.api.post(`/api/items/${key}/transitions`).set(...bearer());
    return (ifMatch ? call.set('If-Match', ifMatch) : call).send(body);
  };

  it('serves the workflow as data', async () => {
    const response = await t.api
      .get('/api/workflow')
      .set(...bearer())
      .expect(200);
    expect(response.body.initial).toBe('proposed');
    expect(response.body.states).toHaveLength(7);
    expect(response.body.transitions).toContainEqual({ from: 'rejected', to: 'proposed', requiresReason: true });
  });

  it('moves an item, dated and linked to a meeting, and records who, when, why and where', async () => {
    const meeting = await makeMeeting(t, { heldOn: '2010-11-20' });
    const item = await makeItem(t);
    const response = await move(item.slug, {
      to: 'agreed',
      reason: 'Endorsed by the summit.',
      meeting: meeting.slug,
      source: 'Joint statement, para. 4',
    }).expect(200);
    expect(response.headers.etag).toBe('"2"');
    expect(response.body).toMatchObject({ state: 'agreed', stateSince: '2010-11-20', version: 2 });
    expect(response.body.allowedTransitions.map((t: { to: string }) => t.to)).toEqual([
      'implemented',
      'under_discussion',
    ]);
    const [, event] = await historyOf(t, item.id);
    expect(event).toMatchObject({
      seq: 2,
      action: 'transitioned',
      fromState: 'proposed',
      toState: 'agreed',
      changes: { state: { from: 'proposed', to: 'agreed' } },
      reason: 'Endorsed by the summit.',
      effectiveOn: '2010-11-20',
      meeting: meeting.slug,
      source: 'Joint statement, para. 4',
      batch: null,
      actor: 'bootstrap',
    });
    expect(Date.parse(event.recordedAt as string)).not.toBeNaN();
  });

  it('answers 409 with the allowed transitions for a move the workflow forbids', async () => {
    const item = await makeItem(t);
    await move(item.slug, { to: 'agreed', effectiveOn: '2010-10-01' }).expect(200);
    await move(item.slug, { to: 'implemented', effectiveOn: '2010-12-01' }).expect(200);
    const response = await move(item.slug, { to: 'under_discussion', reason: 'Try again' }).expect(409);
    expect(response.body.allowedTransitions).toEqual([]);
    const other = await makeItem(t);
    const refused = await move(other.slug, { to: 'implemented' }).expect(409);
    expect(refused.body.allowedTransitions).toContainEqual({ to: 'agreed', requiresReason: false });
    expect((await historyOf(t, other.slug)).length).toBe(1);
  });

  it('needs a reason where the workflow says so, and white space is no reason', async () => {
    const item = await makeItem(t);
    for (const body of [{ to: 'rejected' }, { to: 'rejected', reason: '   ' }]) {
      const response = await move(item.slug, body).expect(400);
      expect(response.body.errors).toContainEqual(expect.objectContaining({ field: 'reason' }));
    }
    await move(item.slug, { to: 'rejected', reason: 'Existing pillars suffice.' }).expect(200);
    const reopened = await move(item.slug, { to: 'proposed', reason: 'Raised again.' }).expect(200);
    expect(reopened.body.state).toBe('proposed');
  });

  it('keeps effective dates out of the future and never before the last change', async () => {
    const item = await makeItem(t, { proposedOn: '2010-09-22' });
    await move(item.slug, { to: 'under_discussion', effectiveOn: '2999-01-01' }).expect(400);
    await move(item.slug, { to: 'under_discussion', effectiveOn: 'yesterday' }).expect(400);
    await move(item.slug, { to: 'under_discussion', effectiveOn: '2010-09-21' }).expect(409);
    const future = await makeMeeting(t, { heldOn: '2999-01-01' });
    await move(item.slug, { to: 'under_discussion', meeting: future.slug }).expect(400);
    const response = await move(item.slug, { to: 'under_discussion' }).expect(200);
    expect(response.body.stateSince).toBe(today);
  });

  it('answers 404 for an unknown item or meeting and 400 for an unknown state or field', async () => {
    const item = await makeItem(t);
    await move('no-such-item', { to: 'agreed' }).expect(404);
    await move(item.slug, { to: 'agreed', meeting: 'no-such-meeting' }).expect(404);
    await move(item.slug, { to: 'no_such_state' }).expect(400);
    await move(item.slug, { to: 'agreed', colour: 'red' }).expect(400);
    await move(item.slug, { to: 'agreed', source: 'x'.repeat(501) }).expect(400);
    await move(item.slug, { to: 'agreed', reason: 'x'.repeat(2001) }).expect(400);
    expect((await historyOf(t, item.slug)).length).toBe(1);
  });

  it('enforces If-Match when given', async () => {
    const item = await makeItem(t);
    await move(item.slug, { to: 'under_discussion' }, '"9"').expect(412);
    await move(item.slug, { to: 'under_discussion' }, '"1"').expect(200);
  });

  it('lets exactly one of twenty racing transitions win, with one event', async () => {
    const item = await makeItem(t);
    const responses = await Promise.all(Array.from({ length: 20 }, () => move(item.slug, { to: 'under_discussion' })));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.every((s) => [200, 409, 412].includes(s))).toBe(true);
    const events = await historyOf(t, item.slug);
    expect(events.filter((e) => e.action === 'transitioned')).toHaveLength(1);
  });

  it('lets exactly one of twenty racing PATCHes on one version win', async () => {
    const item = await makeItem(t);
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.api
          .patch(`/api/items/${item.slug}`)
          .set(...bearer())
          .set('If-Match', '"1"')
          .send({ summary: `version ${i}` }),
      ),
    );
    expect(responses.filter((r) => r.status === 200)).toHaveLength(1);
    expect(responses.filter((r) => r.status === 412)).toHaveLength(19);
    const after = await t.api
      .get(`/api/items/${item.slug}`)
      .set(...bearer())
      .expect(200);
    expect(after.body.version).toBe(2);
  });
});
