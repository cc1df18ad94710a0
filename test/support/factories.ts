import type { TestApp } from './test-app.js';
import { bearer } from './test-app.js';

let counter = 0;

export function uniqueSlug(prefix = 'item'): string {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}`;
}

// A valid new item's fields, with a fresh slug.
export function itemFields() {
  return {
    slug: uniqueSlug(),
    title: 'Link early-warning radars',
    summary: 'Connect both sides radar pictures.',
    category: 'missile-defense',
    proposedBy: 'United States',
    proposedOn: '2010-09-22',
  };
}

export function itemBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...itemFields(), ...overrides };
}

export async function makeItem(t: TestApp, overrides: Record<string, unknown> = {}) {
  const response = await t.api
    .post('/api/items')
    .set(...bearer())
    .send(itemBody(overrides))
    .expect(201);
  return response.body as {
    id: string;
    slug: string;
    version: number;
    state: string;
    stateSince: string;
    title: string;
  };
}

export async function makeMeeting(t: TestApp, overrides: Record<string, unknown> = {}) {
  const response = await t.api
    .post('/api/meetings')
    .set(...bearer())
    .send({
      slug: uniqueSlug('meeting'),
      name: 'NATO-Russia Council summit',
      location: 'Lisbon',
      heldOn: '2010-11-20',
      ...overrides,
    })
    .expect(201);
  return response.body as { id: string; slug: string; heldOn: string };
}

export async function makeToken(t: TestApp, role: 'admin' | 'viewer', name = uniqueSlug(role)) {
  const response = await t.api
    .post('/api/tokens')
    .set(...bearer())
    .send({ name, role })
    .expect(201);
  return response.body as { name: string; role: string; token: string };
}

export async function historyOf(t: TestApp, key: string) {
  const response = await t.api
    .get(`/api/items/${key}/history`)
    .set(...bearer())
    .expect(200);
  return response.body.data as Array<Record<string, unknown>>;
}

// The audit's verdict on the whole history, which must be ok after anything the API accepted.
export async function auditVerdict(t: TestApp) {
  const response = await t.api
    .get('/api/audit/verify')
    .set(...bearer())
    .expect(200);
  return response.body as { ok: boolean; firstProblem?: Record<string, unknown> };
}

// A meeting's outcomes request, with an Idempotency-Key when given.
export function postOutcomes(t: TestApp, meeting: string, body: unknown, key?: string) {
  const call = t.api
    .post(`/api/meetings/${meeting}/outcomes`)
    .set(...bearer())
    .send(body as object);
  return key === undefined ? call : call.set('Idempotency-Key', key);
}
