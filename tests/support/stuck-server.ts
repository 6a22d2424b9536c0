/** A site that accepts every connection and never sends a byte back, and counts the requests still open. */
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface StuckServer {
  /** The address of a picture that never comes. */
  url: string;
  /** Requests whose connection is still open: the asker has not given up on them. */
  openRequests(): number;
  close(): Promise<void>;
}

export async function startStuckServer(): Promise<StuckServer> {
  const sockets = new Set<Socket>();
  let open = 0;
  const server = createServer((req) => {
    open++;
    req.socket.once('close', () => open--);
  });
  server.on('connection', (socket) => (sockets.add(socket), socket.on('close', () => sockets.delete(socket))));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/img/stuck.jpg`,
    openRequests: () => open,
    async close() {
      sockets.forEach((s) => s.destroy());
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
