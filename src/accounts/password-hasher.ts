import { Injectable } from '@nestjs/common';
import argon2 from 'argon2';

// OWASP's argon2id minimum (19 MiB, 2 passes, 1 lane): about 20 ms a hash, so a sign-in stays quick
// on a small server while a stolen hash still costs a guesser that much memory per guess.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

@Injectable()
export class PasswordHasher {
  // Verified against when the username is unknown, so that the answer takes as long either way.
  private decoy: Promise<string> | undefined;

  hash(password: string): Promise<string> {
    return argon2.hash(password, OPTIONS);
  }

  verify(hash: string, password: string): Promise<boolean> {
    return argon2.verify(hash, password);
  }

  async verifyNothing(password: string): Promise<false> {
    this.decoy ??= this.hash('decoy password that opens nothing');
    await argon2.verify(await this.decoy, password);
    return false;
  }
}
