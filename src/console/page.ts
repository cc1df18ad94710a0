import type { FastifyReply } from 'fastify';
import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';

// Pages are rendered whole on the server: preact escapes every text and attribute it is given.
// They belong to one session, so no cache keeps them.
export function sendPage(reply: FastifyReply, page: VNode, status = 200): string {
  void reply.status(status).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store');
  return `<!DOCTYPE html>${render(page)}`;
}

// After a write that worked: the browser fetches the page again, so a reload does not post twice.
export function redirectAfterPost(reply: FastifyReply, location: string): void {
  void reply.status(303).header('location', location).header('cache-control', 'no-store').send();
}
