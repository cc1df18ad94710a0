import type { DomainError } from './domain-error.js';

// Work one client (a token; the console's sessions count as their token) may have running or
// waiting at once: beyond `perClient` it is refused at once, with the error `refuse` makes (a 429
// with Retry-After), so that one reader cannot take the whole service.
export class ClientAdmission {
  private readonly byClient = new Map<string, number>();

  constructor(
    private readonly perClient: number,
    private readonly refuse: (client: string, running: number) => DomainError,
  ) {}

  async admit<T>(client: string, work: () => Promise<T>): Promise<T> {
    const running = this.byClient.get(client) ?? 0;
    if (running >= this.perClient) {
      throw this.refuse(client, running);
    }
    this.byClient.set(client, running + 1);
    try {
      return await work();
    } finally {
      const left = (this.byClient.get(client) ?? 1) - 1;
      if (left === 0) {
        this.byClient.delete(client);
      } else {
        this.byClient.set(client, left);
      }
    }
  }
}
