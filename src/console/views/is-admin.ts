import type { ConsoleSession } from '../sessions/console-sessions.service.js';

export function isAdmin(session: ConsoleSession): boolean {
  return session.actor.role === 'admin';
}
