import { AuthFailureLimiter } from './auth-failure-limiter.js';

describe('AuthFailureLimiter', () => {
  let now: number;
  const clock = () => now;

  beforeEach(() => {
    now = 1_000_000;
  });

  it('blocks an address once it reaches the limit, until its window ends', () => {
    const limiter = new AuthFailureLimiter(3, 60_000, 100, clock);
    limiter.recordFailure('10.0.0.1');
    limiter.recordFailure('10.0.0.1');
    expect(limiter.retryAfterSeconds('10.0.0.1')).toBeUndefined();
    now += 10_000;
    limiter.recordFailure('10.0.0.1');
    expect(limiter.retryAfterSeconds('10.0.0.1')).toBe(50);
    now += 49_500;
    expect(limiter.retryAfterSeconds('10.0.0.1')).toBe(1);
    now += 500;
    expect(limiter.retryAfterSeconds('10.0.0.1')).toBeUndefined();
  });

  it('counts each address on its own', () => {
    const limiter = new AuthFailureLimiter(1, 60_000, 100, clock);
    limiter.recordFailure('10.0.0.1');
    expect(limiter.retryAfterSeconds('10.0.0.1')).toBe(60);
    expect(limiter.retryAfterSeconds('10.0.0.2')).toBeUndefined();
  });

  it('starts a fresh count after the window', () => {
    const limiter = new AuthFailureLimiter(2, 60_000, 100, clock);
    limiter.recordFailure('10.0.0.1');
    now += 60_000;
    limiter.recordFailure('10.0.0.1');
    expect(limiter.retryAfterSeconds('10.0.0.1')).toBeUndefined();
  });

  it('keeps memory bounded: expired windows go first, then the oldest', () => {
    const limiter = new AuthFailureLimiter(1, 60_000, 2, clock);
    limiter.recordFailure('10.0.0.1');
    now += 30_000;
    limiter.recordFailure('10.0.0.2');
    limiter.recordFailure('10.0.0.3');
    // Full: the oldest address was forgotten to make room.
    expect(limiter.retryAfterSeconds('10.0.0.1')).toBeUndefined();
    expect(limiter.retryAfterSeconds('10.0.0.2')).toBe(60);
    expect(limiter.retryAfterSeconds('10.0.0.3')).toBe(60);
    now += 60_000;
    limiter.recordFailure('10.0.0.4');
    limiter.recordFailure('10.0.0.5');
    expect(limiter.retryAfterSeconds('10.0.0.4')).toBe(60);
    expect(limiter.retryAfterSeconds('10.0.0.5')).toBe(60);
  });
});
