import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { startTestApp, type TestApp } from './support/test-app.js';

// Slow or piled-up connections must not hold the server: a request that has not fully arrived
// within REQUEST_TIMEOUT_MS is answered 408 and closed, and one client address gets at most
// MAX_CONNECTIONS_PER_CLIENT connections at a time.
describe('slow clients', () => {
  let t: TestApp;
  let port: number;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    t = await startTestApp({ REQUEST_TIMEOUT_MS: '1000', MAX_CONNECTIONS_PER_CLIENT: '4' });
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(async () => {
    for (const socket of sockets) {
      socket.destroy();
    }
    await t.close();
  });

  // A connection that has sent `start`; resolves with what the server sent once it closes it.
  function open(start: string): { socket: Socket; closed: Promise<string> } {
    const socket = connect(port, '127.0.0.1', () => socket.write(start));
    sockets.push(socket);
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
    const closed = new Promise<string>((resolve) => {
      socket.on('error', () => resolve(answer));
      socket.on('close', () => resolve(answer));
    });
    return { socket, closed };
  }

  it('answers 408 and closes a request whose body trickles in', async () => {
    const slow = open(
      'POST /api/items HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{',
    );
    // One byte now and then, as the attack did, keeps the socket busy but never finishes the body.
    const drip = setInterval(() => slow.socket.writable && slow.socket.write(' '), 200);
    const answer = await slow.closed;
    clearInterval(drip);
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(answer).toContain('application/problem+json');
  });

  it('answers 408 and closes a request whose headers never end', async () => {
    const slow = open('GET /health HTTP/1.1\r\nHost: x\r\n');
    const drip = setInterval(() => slow.socket.writable && slow.socket.write('X-A: b\r\n'), 200);
    const answer = await slow.closed;
    clearInterval(drip);
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('closes connections from one address beyond the cap, and serves the ones within it', async () => {
    const held = Array.from({ length: 4 }, () => open('GET /health HTTP/1.1\r\nHost: x\r\n'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const extra = open('GET /health HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(await extra.closed).toBe('');
    for (const connection of held) {
      connection.socket.destroy();
      await connection.closed;
    }
    const after = open('GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(await after.closed).toMatch(/^HTTP\/1\.1 200 /);
  });
});
