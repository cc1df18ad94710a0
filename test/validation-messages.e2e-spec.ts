import { makeItem, makeMeeting, itemBody } from './support/factories.js';
import { bearer, startTestApp, type TestApp } from './support/test-app.js';

// Each kind of bad value gets a message that says what is wrong with it, not the message of some
// other rule the field has.
describe('validation messages', () => {
  let t: TestApp;
  let item: string;
  let meeting: string;
  beforeAll(async () => {
    t = await startTestApp();
    item = (await makeItem(t)).slug;
    meeting = (await makeMeeting(t)).slug;
  });
  afterAll(async () => {
    await t.close();
  });

  type Case = [label: string, method: 'get' | 'post', url: () => string, body: unknown, field: string, message: RegExp];
  const cases: Case[] = [
    ['a missing field', 'post', () => '/api/items', {}, 'slug', /^is required$/],
    ['another missing field', 'post', () => '/api/items', {}, 'proposedOn', /^is required$/],
    ['null for a required field', 'post', () => '/api/items', itemBody({ title: null }), 'title', /^must not be null$/],
    ['a number for text', 'post', () => '/api/items', itemBody({ title: 12 }), 'title', /^must be a string$/],
    ['an empty text', 'post', () => '/api/items', itemBody({ title: '' }), 'title', /^must not be empty$/],
    [
      'a text too long',
      'post',
      () => '/api/items',
      itemBody({ title: 'x'.repeat(201) }),
      'title',
      /^must be 200 characters or shorter$/,
    ],
    ['a control character', 'post', () => '/api/items', itemBody({ title: 'a\u0007b' }), 'title', /control characters/],
    ['a bad date', 'post', () => '/api/items', itemBody({ proposedOn: '2010-02-30' }), 'proposedOn', /calendar date/],
    [
      'a number for a date',
      'post',
      () => '/api/items',
      itemBody({ proposedOn: 20100222 }),
      'proposedOn',
      /calendar date/,
    ],
    ['an unknown field', 'post', () => '/api/items', itemBody({ colour: 'red' }), 'colour', /^is not a known field$/],
    [
      'a number for an outcome item',
      'post',
      () => `/api/meetings/${meeting}/outcomes`,
      { outcomes: [{ item: 12, to: 'agreed' }] },
      'outcomes.0.item',
      /^must be a string$/,
    ],
    [
      'a missing outcome item',
      'post',
      () => `/api/meetings/${meeting}/outcomes`,
      { outcomes: [{ to: 'agreed' }] },
      'outcomes.0.item',
      /^is required$/,
    ],
    [
      'an unknown state',
      'post',
      () => `/api/items/${item}/transitions`,
      { to: 'done' },
      'to',
      /one of the following values/,
    ],
    [
      'text for a number',
      'get',
      () => '/api/items?limit=abc',
      undefined,
      'limit',
      /^must be a whole number from 1 to 200$/,
    ],
    ['a fraction', 'get', () => '/api/items?limit=1.5', undefined, 'limit', /^must be a whole number from 1 to 200$/],
    ['an empty number', 'get', () => '/api/items?limit=', undefined, 'limit', /^must be a whole number from 1 to 200$/],
    [
      'a number over the range',
      'get',
      () => '/api/items?limit=201',
      undefined,
      'limit',
      /^must be a whole number from 1 to 200$/,
    ],
    [
      'text for an offset',
      'get',
      () => '/api/items?offset=abc',
      undefined,
      'offset',
      /^must be a whole number from 0 to 999999999$/,
    ],
    [
      'text for a history page',
      'get',
      () => `/api/items/${item}/history?after=x`,
      undefined,
      'after',
      /^must be a whole number from 0/,
    ],
    ['an unknown sort', 'get', () => '/api/items?sort=colour', undefined, 'sort', /one of the following values/],
  ];

  it.each(cases)('says what is wrong with %s', async (_, method, url, body, field, message) => {
    const call = t.api[method](url()).set(...bearer());
    const answer = await (body === undefined ? call : call.send(body as object));
    expect(answer.status).toBe(400);
    const error = (answer.body.errors as { field: string; message: string }[]).find((one) => one.field === field);
    expect(error?.message).toMatch(message);
  });

  it('tells a client sending another content type to send JSON', async () => {
    const answer = await t.api
      .post('/api/items')
      .set(...bearer())
      .set('Content-Type', 'text/plain')
      .send('slug=x');
    expect(answer.status).toBe(415);
    expect(answer.body.detail).toMatch(/Content-Type: application\/json/);
  });
});
