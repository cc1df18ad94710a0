import { errorCodes, type FastifyInstance, type FastifyRequest } from 'fastify';
import { decodeUtf8Body } from '../common/well-formed-unicode.js';

const MATRIX_PATH = '/api/assessments';

export function isScoreMatrix(contentType: string | undefined): boolean {
  return contentType?.split(';')[0]?.trim().toLowerCase() === 'text/csv';
}

// The API speaks JSON, but for one thing: the score matrix the Research Groups publish, posted as
// text/csv to /api/assessments. Every other path refuses CSV exactly as if no parser were registered.
export function registerScoreMatrixParser(fastify: FastifyInstance): void {
  fastify.addContentTypeParser(
    'text/csv',
    { parseAs: 'buffer' },
    (request: FastifyRequest, body: Buffer, done: (error: Error | null, body?: string) => void) => {
      try {
        if (request.url.split('?')[0] !== MATRIX_PATH) {
          throw new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE('text/csv');
        }
        done(null, decodeUtf8Body(body));
      } catch (error) {
        done(error as Error);
      }
    },
  );
}
