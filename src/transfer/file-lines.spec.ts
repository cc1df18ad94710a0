import { fileLines } from './file-lines.js';

async function* chunks(...parts: (string | Buffer)[]): AsyncGenerator<Buffer> {
  for (const part of parts) {
    yield Buffer.isBuffer(part) ? part : Buffer.from(part);
  }
}

async function read(source: AsyncIterable<Buffer>, maxBytes?: number): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of fileLines(source, maxBytes)) {
    lines.push(line);
  }
  return lines;
}

describe('fileLines', () => {
  it('splits lines across chunks, on \\n or \\r\\n, the last one without a break too', async () => {
    expect(await read(chunks('{"a":1}\r\n{"b"', ':"é"}\n', '\n{"c":3}'))).toEqual([
      '{"a":1}',
      '{"b":"é"}',
      '',
      '{"c":3}',
    ]);
    // A character split between two chunks is read whole.
    const e = Buffer.from('é');
    expect(await read(chunks(Buffer.concat([Buffer.from('x'), e.subarray(0, 1)]), e.subarray(1)))).toEqual(['xé']);
  });

  it('refuses a line longer than the limit, naming it, before holding it whole', async () => {
    await expect(read(chunks('ok\n', 'x'.repeat(6), 'x'.repeat(6), '\n'), 10)).rejects.toMatchObject({
      code: 'validation_failed',
      message: 'line 2: is longer than 10 bytes, which no record is (nothing was imported)',
    });
  });

  it('refuses a line that is not UTF-8', async () => {
    await expect(read(chunks('ok\n', Buffer.from([0x7b, 0xff, 0x7d]), '\n'))).rejects.toMatchObject({
      message: 'line 2: is not UTF-8 (nothing was imported)',
    });
  });
});
