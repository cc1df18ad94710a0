import { makeMeeting } from './support/factories.js';
import { bearer, startTestAppPerSuite } from './support/test-app.js';

describe('meetings', () => {
  const t = startTestAppPerSuite();

  it('creates a meeting once and finds it by id or slug', async () => {
    const meeting = await makeMeeting(t);
    for (const key of [meeting.id, meeting.slug]) {
      const response = await t.api
        .get(`/api/meetings/${key}`)
        .set(...bearer())
        .expect(200);
      expect(response.body).toEqual({ ...meeting });
    }
    await t.api
      .post('/api/meetings')
      .set(...bearer())
      .send({ slug: meeting.slug, name: 'x', location: 'y', heldOn: '2010-11-20' })
      .expect(409);
    const list = await t.api
      .get('/api/meetings')
      .set(...bearer())
      .expect(200);
    expect(list.body.data.map((m: { slug: string }) => m.slug)).toContain(meeting.slug);
  });

  it('answers 404 for an unknown meeting and 400 for bad input', async () => {
    await t.api
      .get('/api/meetings/no-such-meeting')
      .set(...bearer())
      .expect(404);
    const response = await t.api
      .post('/api/meetings')
      .set(...bearer())
      .send({ slug: 'ok-slug', name: 'x', location: 'y', heldOn: '20 Nov 2010' })
      .expect(400);
    expect(response.body.errors).toContainEqual(expect.objectContaining({ field: 'heldOn' }));
  });
});
