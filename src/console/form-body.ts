import { Busboy } from '@fastify/busboy';
import { errorCodes, type FastifyInstance, type FastifyRequest } from 'fastify';
import { DomainError } from '../common/domain-error.js';
import { assertWellFormedQuery, decodeUtf8Body, illFormedText } from '../common/well-formed-unicode.js';

export interface UploadedFile {
  readonly filename: string;
  readonly text: string;
}

// A posted HTML form: each field once (the console's forms never repeat a name), files as text.
export type FormBody = Readonly<Record<string, string | UploadedFile | undefined>>;

// The API speaks JSON only; the console's pages post plain HTML forms, urlencoded or, with a file,
// multipart. Both parsers refuse API paths exactly as if they were not registered.
export function registerFormParsers(fastify: FastifyInstance): void {
  const refuseApi = (request: FastifyRequest, contentType: string) => {
    if (request.url.startsWith('/api/') || request.url === '/api') {
      throw new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE(contentType);
    }
  };
  // As the API does, text that is not UTF-8 is refused (400) rather than stored as U+FFFD: the
  // bytes, then each percent-encoded name and value.
  fastify.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'buffer' },
    (request: FastifyRequest, body: Buffer, done: (error: Error | null, body?: FormBody) => void) => {
      try {
        refuseApi(request, 'application/x-www-form-urlencoded');
        const text = decodeUtf8Body(body);
        assertWellFormedQuery(`?${text}`);
        done(null, Object.fromEntries(new URLSearchParams(text)));
      } catch (error) {
        done(error as Error);
      }
    },
  );
  fastify.addContentTypeParser(
    'multipart/form-data',
    { parseAs: 'buffer' },
    (request: FastifyRequest, body: Buffer, done: (error: Error | null, body?: FormBody) => void) => {
      try {
        refuseApi(request, 'multipart/form-data');
      } catch (error) {
        done(error as Error);
        return;
      }
      parseMultipart(request.headers['content-type'] ?? '', body).then(
        (form) => done(null, form),
        (error: unknown) => done(error instanceof DomainError ? error : badForm(error)),
      );
    },
  );
}

function parseMultipart(contentType: string, body: Buffer): Promise<FormBody> {
  return new Promise((resolve, reject) => {
    const form: Record<string, string | UploadedFile> = {};
    const files: Promise<void>[] = [];
    // Read as latin1, each byte one character, so that the bytes can be decoded strictly below.
    const parser = Busboy({
      headers: { 'content-type': contentType },
      limits: { files: 4, fields: 100 },
      defCharset: 'latin1',
    });
    parser.on('field', (name, value) => {
      try {
        form[name] ??= strictUtf8(Buffer.from(value, 'latin1'), name);
      } catch (error) {
        // The promise settles once: a later finish no longer resolves it.
        reject(asError(error));
      }
    });
    parser.on('file', (name, stream, filename) => {
      const chunks: Buffer[] = [];
      files.push(
        new Promise((done, fail) => {
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('error', fail);
          stream.on('end', () => {
            // A file input left empty still sends a part, with no name and no bytes.
            try {
              if (filename || chunks.length > 0) {
                form[name] ??= { filename, text: strictUtf8(Buffer.concat(chunks), filename || name) };
              }
              done();
            } catch (error) {
              fail(asError(error));
            }
          });
        }),
      );
    });
    parser.on('error', reject);
    parser.on('finish', () => {
      Promise.all(files).then(() => resolve(form), reject);
    });
    parser.end(body);
  });
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

function strictUtf8(bytes: Buffer, field: string): string {
  try {
    return decodeUtf8Body(bytes);
  } catch {
    throw illFormedText(field, 'must be UTF-8 text');
  }
}

function badForm(error: unknown): Error {
  const problem = new Error(`The form could not be read: ${error instanceof Error ? error.message : String(error)}`);
  (problem as Error & { statusCode: number }).statusCode = 400;
  return problem;
}
