// Counts failed authentications per client address in a fixed window. Once an address reaches
// the limit, every authentication attempt from it is refused until its window ends, valid tokens
// included (as GitHub's API does): otherwise a guesser could keep going and simply watch for the
// one answer that is not a 429. Successful requests are never counted.
//
// Why not @fastify/rate-limit: it counts every request in an onRequest hook, before the guard
// knows whether the token is good, and has no way to count only failures.
export class AuthFailureLimiter {
  private readonly windows = new Map<string, { failures: number; endsAt: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    // Addresses tracked at once, so a flood from many addresses cannot exhaust memory.
    private readonly capacity = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  // Seconds until the address may try again, or undefined when it is not blocked.
  retryAfterSeconds(address: string): number | undefined {
    const window = this.current(address);
    if (!window || window.failures < this.limit) {
      return undefined;
    }
    return Math.max(1, Math.ceil((window.endsAt - this.now()) / 1000));
  }

  recordFailure(address: string): void {
    const window = this.current(address);
    if (window) {
      window.failures += 1;
      return;
    }
    this.makeRoom();
    this.windows.set(address, { failures: 1, endsAt: this.now() + this.windowMs });
  }

  private current(address: string): { failures: number; endsAt: number } | undefined {
    const window = this.windows.get(address);
    if (window && window.endsAt <= this.now()) {
      this.windows.delete(address);
      return undefined;
    }
    return window;
  }

  private makeRoom(): void {
    if (this.windows.size < this.capacity) {
      return;
    }
    const now = this.now();
    for (const [address, window] of this.windows) {
      if (window.endsAt <= now) {
        this.windows.delete(address);
      }
    }
    // Still full: forget the oldest window (a Map iterates in insertion order).
    if (this.windows.size >= this.capacity) {
      const oldest = this.windows.keys().next().value;
      if (oldest !== undefined) {
        this.windows.delete(oldest);
      }
    }
  }
}
