import type { Server } from 'node:http';
import type { Socket } from 'node:net';

// One address opening hundreds of connections (and sending nothing, or slowly) would use up the
// server's sockets and memory for everyone: connections beyond the cap are closed as they arrive.
// Behind a reverse proxy every client shares the proxy's address: raise the cap there.
export function capConnectionsPerClient(server: Server, cap: number): void {
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? '';
    const count = (open.get(address) ?? 0) + 1;
    if (count > cap) {
      socket.destroy();
      return;
    }
    open.set(address, count);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left === 0) {
        open.delete(address);
      } else {
        open.set(address, left);
      }
    });
  });
}
