import { jest } from '@jest/globals';
import { accountsCommand } from '../src/cli/accounts.command.js';
import { makeItem } from './support/factories.js';
import { csrfOf, signIn, signInAs } from './support/console-session.js';
import { ADMIN_TOKEN, bearer, startTestAppPerSuite } from './support/test-app.js';

// People's accounts over HTTP: signing in with a password, what admins do with accounts, and the
// actor the history records for a person's write.
describe('Console accounts', () => {
  const t = startTestAppPerSuite({ AUTH_FAILURE_LIMIT: '1000' });

  async function createAccount(username: string, role: 'admin' | 'viewer', password = 'a long enough password') {
    const admin = await signIn(t, ADMIN_TOKEN);
    await t.api
      .post('/accounts')
      .set('Cookie', admin.cookie)
      .type('form')
      .send({ _csrf: admin.csrf, username, displayName: `${username} Doe`, role, password })
      .expect(303);
    return password;
  }

  it('offers a form of its own for accounts on the sign-in page', async () => {
    const page = await t.api.get('/sign-in').expect(200);
    expect(page.text).toContain('<label for="username">Username</label>');
    expect(page.text).toContain('<label for="password">Password</label>');
    expect(page.text).toContain('<label for="token">Token</label>');
    expect(page.text.match(/<form /g)).toHaveLength(2);
  });

  it('lets an admin create an account that signs in and writes under its username', async () => {
    const admin = await signIn(t, ADMIN_TOKEN);
    const created = await t.api
      .post('/accounts')
      .set('Cookie', admin.cookie)
      .type('form')
      .send({
        _csrf: admin.csrf,
        username: 'ana',
        displayName: 'Ana Silva',
        role: 'admin',
        password: 'lisbon 2010 talks',
      })
      .expect(303);
    expect(created.headers.location).toBe('/accounts');
    const list = await t.api.get('/accounts').set('Cookie', admin.cookie).expect(200);
    expect(list.text).toContain('role="status"');
    expect(list.text).toContain('Account “ana” created');
    expect(list.text).toContain('Ana Silva');
    expect(list.text).not.toContain('lisbon 2010 talks');
    // The status is said once.
    expect((await t.api.get('/accounts').set('Cookie', admin.cookie).expect(200)).text).not.toContain('role="status"');

    const ana = await signInAs(t, 'ana', 'lisbon 2010 talks');
    const home = await t.api.get('/').set('Cookie', ana.cookie).expect(200);
    expect(home.text).toContain('Ana Silva (admin)');
    const item = await makeItem(t);
    await t.api
      .post(`/items/${item.slug}/transition`)
      .set('Cookie', ana.cookie)
      .type('form')
      .send({ _csrf: ana.csrf, to: 'under_discussion', reason: 'Talks opened.', effectiveOn: '2010-10-01' })
      .expect(303);
    const history = await t.api
      .get(`/api/items/${item.slug}/history`)
      .set(...bearer())
      .expect(200);
    expect(history.body.data.at(-1)).toMatchObject({ action: 'transitioned', actor: 'ana' });
    const after = await t.api.get(`/items/${item.slug}`).set('Cookie', ana.cookie).expect(200);
    expect(after.text).toContain('role="status"');
  });

  it('refuses a wrong password with 401, keeps the username, and counts it as a failed sign-in', async () => {
    await createAccount('bruno', 'viewer');
    const refused = await t.api
      .post('/sign-in')
      .type('form')
      .send({ username: 'bruno', password: 'not the password' })
      .expect(401);
    expect(refused.text).toContain('That username and password do not match an enabled account.');
    expect(refused.text).toContain('value="bruno"');
    expect(refused.text).toMatch(/role="alert" id="form-error" tabindex="-1" autofocus/);
    await t.api.post('/sign-in').type('form').send({ username: 'nobody', password: 'x' }).expect(401);
  });

  it('keeps what was typed (never the password) when creating an account is refused', async () => {
    const admin = await signIn(t, ADMIN_TOKEN);
    const refused = await t.api
      .post('/accounts')
      .set('Cookie', admin.cookie)
      .type('form')
      .send({ _csrf: admin.csrf, username: 'carla', displayName: 'Carla', role: 'viewer', password: 'short' })
      .expect(400);
    expect(refused.text).toContain('Initial password: must be 12 to 200 characters long');
    expect(refused.text).toContain('value="carla"');
    expect(refused.text).not.toContain('value="short"');
    await t.api
      .post('/accounts')
      .set('Cookie', admin.cookie)
      .type('form')
      .send({
        _csrf: admin.csrf,
        username: 'bootstrap',
        displayName: 'B',
        role: 'viewer',
        password: 'long enough pass',
      })
      .expect(409);
  });

  it('keeps accounts for admins: a viewer cannot open or post to them', async () => {
    await createAccount('dora', 'viewer', 'dora password 1');
    const dora = await signInAs(t, 'dora', 'dora password 1');
    await t.api.get('/accounts').set('Cookie', dora.cookie).expect(403);
    await t.api
      .post('/accounts')
      .set('Cookie', dora.cookie)
      .type('form')
      .send({ _csrf: dora.csrf, username: 'eve', displayName: 'Eve', role: 'admin', password: 'a long password' })
      .expect(403);
  });

  it('disables an account after a confirmation, ending its sessions at once', async () => {
    await createAccount('filipa', 'viewer', 'filipa password');
    const filipa = await signInAs(t, 'filipa', 'filipa password');
    const admin = await signIn(t, ADMIN_TOKEN);
    const confirm = await t.api.get('/accounts/filipa/disable').set('Cookie', admin.cookie).expect(200);
    expect(confirm.text).toContain('Confirm: disable account');
    // Asking changed nothing.
    await t.api.get('/').set('Cookie', filipa.cookie).expect(200);
    await t.api
      .post('/accounts/filipa/disable')
      .set('Cookie', admin.cookie)
      .type('form')
      .send({ _csrf: csrfOf(confirm.text) })
      .expect(303);
    await t.api.get('/').set('Cookie', filipa.cookie).expect(303);
    await t.api.post('/sign-in').type('form').send({ username: 'filipa', password: 'filipa password' }).expect(401);
    const list = await t.api.get('/accounts').set('Cookie', admin.cookie).expect(200);
    expect(list.text).toContain('The account “filipa” is disabled');
  });

  it('resets a password: the old one and its sessions stop working', async () => {
    await createAccount('gil', 'viewer', 'gil first password');
    const gil = await signInAs(t, 'gil', 'gil first password');
    const admin = await signIn(t, ADMIN_TOKEN);
    await t.api.get('/accounts/gil/reset-password').set('Cookie', admin.cookie).expect(200);
    await t.api
      .post('/accounts/gil/reset-password')
      .set('Cookie', admin.cookie)
      .type('form')
      .send({ _csrf: admin.csrf, password: 'gil second password' })
      .expect(303);
    await t.api.get('/').set('Cookie', gil.cookie).expect(303);
    await t.api.post('/sign-in').type('form').send({ username: 'gil', password: 'gil first password' }).expect(401);
    await signInAs(t, 'gil', 'gil second password');
  });

  it('lets a person change their own password, viewer or not, with the current one', async () => {
    await createAccount('hugo', 'viewer', 'hugo first password');
    const hugo = await signInAs(t, 'hugo', 'hugo first password');
    const page = await t.api.get('/account').set('Cookie', hugo.cookie).expect(200);
    expect(page.text).toContain('Current password');
    const wrong = await t.api
      .post('/account/password')
      .set('Cookie', hugo.cookie)
      .type('form')
      .send({ _csrf: hugo.csrf, currentPassword: 'guess', newPassword: 'hugo second password' })
      .expect(400);
    expect(wrong.text).toContain('Current password: is not your current password');
    await t.api
      .post('/account/password')
      .set('Cookie', hugo.cookie)
      .type('form')
      .send({ _csrf: hugo.csrf, currentPassword: 'hugo first password', newPassword: 'hugo second password' })
      .expect(303);
    const after = await t.api.get('/account').set('Cookie', hugo.cookie).expect(200);
    expect(after.text).toContain('Your password is changed');
    await signInAs(t, 'hugo', 'hugo second password');
  });

  it('refuses a sign-in whose Origin is another site, even without Sec-Fetch-Site', async () => {
    await t.api
      .post('/sign-in')
      .set('Origin', 'https://attacker.example')
      .type('form')
      .send({ token: ADMIN_TOKEN })
      .expect(403);
    await t.api.post('/sign-in').set('Origin', 'null').type('form').send({ token: ADMIN_TOKEN }).expect(303);
  });

  it('says so after signing out', async () => {
    const admin = await signIn(t, ADMIN_TOKEN);
    const out = await t.api.post('/sign-out').set('Cookie', admin.cookie).type('form').send({ _csrf: admin.csrf });
    expect(out.headers.location).toBe('/sign-in?ended=signed-out');
    const page = await t.api.get(out.headers.location).expect(200);
    expect(page.text).toContain('You have signed out.');
  });

  describe('from the command line', () => {
    const previousUrl = process.env.DATABASE_URL;
    let output = '';
    beforeEach(() => {
      process.env.DATABASE_URL = t.database.url;
      output = '';
      jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
        output += String(chunk);
        return true;
      });
      jest.spyOn(console, 'table').mockImplementation((rows: unknown) => {
        output += JSON.stringify(rows);
      });
    });
    afterEach(() => {
      process.env.DATABASE_URL = previousUrl;
      jest.restoreAllMocks();
    });
    const run = (...args: string[]) => accountsCommand().exitOverride().parseAsync(args, { from: 'user' });

    it('creates the first admin account, whose printed password signs in', async () => {
      await run('create', 'first.admin', '--display-name', 'First Admin', '--role', 'admin');
      const password = /shown this once:\n\n {2}(\S+)\n/.exec(output)?.[1];
      expect(password).toBeDefined();
      const session = await signInAs(t, 'first.admin', password as string);
      await t.api.get('/accounts').set('Cookie', session.cookie).expect(200);
      output = '';
      await run('list');
      expect(output).toContain('First Admin');
      expect(output).not.toContain(password as string);
    });
  });
});
