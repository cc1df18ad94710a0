import { createHash, randomBytes } from 'node:crypto';

// 32 random bytes; the prefix makes a leaked secret easy to recognise in a scan.
export function generateTokenSecret(): string {
  return `pt_${randomBytes(32).toString('base64url')}`;
}

export function hashTokenSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
