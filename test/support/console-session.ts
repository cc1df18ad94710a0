import type { TestApp } from './test-app.js';

export interface SignedIn {
  // The Cookie header to send.
  readonly cookie: string;
  readonly csrf: string;
}

// Signs in through the console's form as a browser would, and reads the CSRF token from a page.
export async function signIn(t: TestApp, token: string): Promise<SignedIn> {
  const response = await t.api.post('/sign-in').type('form').send({ token }).expect(303);
  const setCookie = ([] as string[]).concat(response.headers['set-cookie'] ?? [])[0] ?? '';
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
