import type { TestApp } from './test-app.js';

export interface SignedIn {
  // The Cookie header to send.
  readonly cookie: string;
  readonly csrf: string;
}

// Signs in through the console's form as a browser would, and reads the CSRF token from a page.
export async function signIn(t: TestApp, token: string): Promise<SignedIn> {
  return signedIn(t, await t.api.post('/sign-in').type('form').send({ token }).expect(303));
}

async function signedIn(t: TestApp, response: { headers: Record<string, unknown> }): Promise<SignedIn> {
  const setCookie = ([] as string[]).concat((response.headers['set-cookie'] as string[] | undefined) ?? [])[0] ?? '';
  const cookie = setCookie.split(';')[0] ?? '';
  const page = await t.api.get('/').set('Cookie', cookie).expect(200);
  return { cookie, csrf: csrfOf(page.text) };
}

export function csrfOf(page: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(page);
  if (!match?.[1]) {
    throw new Error('the page holds no CSRF field');
  }
  return match[1];
}

// Signs in through the account form, as a person would.
export async function signInAs(t: TestApp, username: string, password: string): Promise<SignedIn> {
  return signedIn(t, await t.api.post('/sign-in').type('form').send({ username, password }).expect(303));
}
