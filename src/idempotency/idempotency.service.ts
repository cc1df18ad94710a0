import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError, type DomainErrorCode, type ProblemExtensions } from '../common/domain-error.js';
import { problemKind } from '../common/problem-details.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { isUniqueViolation } from '../database/database-errors.js';
import { withinSavepoint } from '../database/savepoint.js';
import { TransactionRunner, type TransactionWork } from '../database/transaction-runner.js';
import type { IdempotencyRecordEntity } from './idempotency-record.entity.js';
import { IdempotencyRepository } from './idempotency.repository.js';
import { recordKey, requestHash, type KeyedRequest } from './request-hash.js';

type Answer<T> = { readonly ok: true; readonly body: T } | { readonly ok: false; readonly error: DomainError };

// What a refused request stored: enough to throw the same DomainError again.
interface StoredError {
  readonly code: DomainError['code'];
  readonly message: string;
  readonly extensions: ProblemExtensions[DomainErrorCode];
}

// Another request stored an answer under the same key while this one worked; this one rolls back.
class KeyClaimedMeanwhile extends Error {}

// Runs a write at most once per Idempotency-Key. The first answer (the result, or a 4xx refusal)
// is stored with a hash of the request in the same transaction as the work, so it commits or
// rolls back with it; a retry with the same request gets that answer back and a different request
// under the same key is refused. SQLite serialises write transactions, so a concurrent retry
// reads the stored record; on PostgreSQL the loser's insert hits the primary key, it rolls back
// and answers from the winner's record.
@Injectable()
export class IdempotencyService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transactions: TransactionRunner,
    private readonly records: IdempotencyRepository,
  ) {}

  // `resource` names the canonical path of what the request acts on (a meeting by id, whichever
  // key the path used); it runs in the transaction, so it sees what the work sees.
  async run<T>(
    request: KeyedRequest | undefined,
    body: unknown,
    work: TransactionWork<T>,
    resource: (manager: EntityManager) => Promise<string> = () => Promise.resolve(request?.path ?? ''),
  ): Promise<T> {
    if (!request) {
      return this.transactions.write(work);
    }
    const scoped = async (manager: EntityManager) => {
      const canonical = { ...request, path: await resource(manager) };
      return { key: recordKey(canonical), hash: requestHash(canonical, body) };
    };
    let answer: Answer<T>;
    try {
      answer = await this.transactions.write(async (manager) => {
        const { key, hash } = await scoped(manager);
        return this.answerOnce(manager, key, hash, work);
      });
    } catch (error) {
      if (!(error instanceof KeyClaimedMeanwhile)) {
        throw error;
      }
      answer = await this.transactions.write(async (manager) => {
        const { key, hash } = await scoped(manager);
        const stored = await this.records.find(manager, key);
        return stored ? replay<T>(stored, hash) : { ok: false, error: keyInUse() };
      });
    }
    if (!answer.ok) {
      throw answer.error;
    }
    return answer.body;
  }

  private async answerOnce<T>(
    manager: EntityManager,
    key: string,
    hash: string,
    work: TransactionWork<T>,
  ): Promise<Answer<T>> {
    const now = new Date();
    await this.records.deleteExpired(manager, now.toISOString());
    const stored = await this.records.find(manager, key);
    if (stored) {
      return replay(stored, hash);
    }
    const answer = await attempt(manager, work);
    const responseBody = JSON.stringify(answer.ok ? answer.body : storedError(answer.error));
    // What is kept per key is bounded: the request only as a digest, the answer up to a limit. An
    // applied request whose answer is larger is refused and rolled back, since a retry could not
    // be answered; a refusal that large is answered but not kept (it changed nothing).
    const size = Buffer.byteLength(responseBody);
    if (size > this.config.idempotencyMaxAnswerBytes) {
      if (answer.ok) {
        throw answerTooLarge(size, this.config.idempotencyMaxAnswerBytes);
      }
      return answer;
    }
    const record: IdempotencyRecordEntity = {
      key,
      requestHash: hash,
      statusCode: answer.ok ? 200 : problemKind(answer.error.code).status,
      responseBody,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + this.config.idempotencyTtlHours * 3_600_000).toISOString(),
    };
    try {
      await this.records.insert(manager, record);
    } catch (error) {
      throw isUniqueViolation(error) ? new KeyClaimedMeanwhile() : error;
    }
    return answer;
  }
}

// A refusal is an answer to store, so its partial writes are undone to a savepoint while the
// transaction lives on to record it. Anything else (a bug, a busy database) is not stored.
async function attempt<T>(manager: EntityManager, work: TransactionWork<T>): Promise<Answer<T>> {
  const outcome = await withinSavepoint(
    manager,
    'idempotent_work',
    () => work(manager),
    (error) => {
      if (!(error instanceof DomainError) || problemKind(error.code).status >= 500) {
        throw error;
      }
      return error;
    },
  );
  return outcome.ok ? { ok: true, body: outcome.value } : { ok: false, error: outcome.answer };
}

function replay<T>(stored: IdempotencyRecordEntity, hash: string): Answer<T> {
  if (stored.requestHash !== hash) {
    return {
      ok: false,
      error: new DomainError(
        'idempotency_key_reused',
        'This Idempotency-Key was first used with a different request; send a new key for a new request.',
      ),
    };
  }
  if (stored.statusCode === null || stored.responseBody === null) {
    return { ok: false, error: keyInUse() };
  }
  if (stored.statusCode < 300) {
    return { ok: true, body: JSON.parse(stored.responseBody) as T };
  }
  const { code, message, extensions } = JSON.parse(stored.responseBody) as StoredError;
  return { ok: false, error: new DomainError(code, message, extensions) };
}

function storedError(error: DomainError): StoredError {
  return { code: error.code, message: error.message, extensions: error.extensions };
}

function answerTooLarge(size: number, limit: number): DomainError {
  return new DomainError(
    'idempotent_answer_too_large',
    `The answer to this request would be ${size} bytes, over the ${limit} bytes kept for an Idempotency-Key; ` +
      'nothing was applied. Send fewer outcomes per request, or send it without the key.',
    { limit },
  );
}

function keyInUse(): DomainError {
  return new DomainError(
    'idempotency_key_in_use',
    'A request with this Idempotency-Key is still running; retry soon.',
    {
      retryAfterSeconds: 1,
    },
  );
}
