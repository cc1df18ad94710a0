import { RenderedReportCache } from './rendered-report-cache.js';

describe('RenderedReportCache', () => {
  const counting = () => {
    const built: string[] = [];
    const build =
      (key: string, text = key) =>
      () => {
        built.push(key);
        return Promise.resolve(Buffer.from(text));
      };
    return { built, build };
  };

  it('builds a report once for callers that ask at the same time, and serves it afterwards', async () => {
    const cache = new RenderedReportCache(4, 1000);
    const { built, build } = counting();
    const answers = await Promise.all([cache.get('a', build('a')), cache.get('a', build('a'))]);
    expect((await cache.get('a', build('a'))).toString()).toBe('a');
    expect(answers.map(String)).toEqual(['a', 'a']);
    expect(built).toEqual(['a']);
  });

  it('forgets a failed build, so the next caller tries again', async () => {
    const cache = new RenderedReportCache(4, 1000);
    await expect(cache.get('a', () => Promise.reject(new Error('database gone')))).rejects.toThrow('database gone');
    expect((await cache.get('a', () => Promise.resolve(Buffer.from('rebuilt')))).toString()).toBe('rebuilt');
  });

  it('drops the least recently used report beyond its count', async () => {
    const cache = new RenderedReportCache(2, 1000);
    const { built, build } = counting();
    await cache.get('a', build('a'));
    await cache.get('b', build('b'));
    await cache.get('a', build('a'));
    await cache.get('c', build('c'));
    await cache.get('a', build('a'));
    await cache.get('b', build('b'));
    expect(built).toEqual(['a', 'b', 'c', 'b']);
  });

  it('holds no more bytes than allowed, and never keeps a report larger than that', async () => {
    const cache = new RenderedReportCache(10, 10);
    const { built, build } = counting();
    await cache.get('a', build('a', 'x'.repeat(6)));
    await cache.get('b', build('b', 'x'.repeat(6)));
    await cache.get('b', build('b'));
    await cache.get('a', build('a'));
    await cache.get('huge', build('huge', 'x'.repeat(11)));
    await cache.get('huge', build('huge', 'x'.repeat(11)));
    expect(built).toEqual(['a', 'b', 'a', 'huge', 'huge']);
  });
});
