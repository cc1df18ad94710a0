import { ExpensiveReads } from './expensive-reads.js';

describe('ExpensiveReads', () => {
  it("refuses a client's read beyond its limit with too_many_reads and Retry-After, and admits others", async () => {
    const reads = new ExpensiveReads(1);
    let finish: () => void = () => undefined;
    const held = reads.admit('greedy', () => new Promise<string>((resolve) => (finish = () => resolve('first'))));
    await expect(reads.admit('greedy', () => Promise.resolve('second'))).rejects.toMatchObject({
      code: 'too_many_reads',
      extensions: { retryAfterSeconds: 1 },
    });
    await expect(reads.admit('modest', () => Promise.resolve('other'))).resolves.toBe('other');
    finish();
    await expect(held).resolves.toBe('first');
    // Its read done, the client is admitted again, also after a read that failed.
    await expect(reads.admit('greedy', () => Promise.reject(new Error('broken')))).rejects.toThrow('broken');
    await expect(reads.admit('greedy', () => Promise.resolve('again'))).resolves.toBe('again');
  });
});
