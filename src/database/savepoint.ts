import type { EntityManager } from 'typeorm';

// Runs work inside a savepoint of the caller's transaction. `keep` decides, from the error, whether
// a failure is an answer (its partial writes are undone, the transaction lives on) or rethrown.
export async function withinSavepoint<T, A>(
  manager: EntityManager,
  name: string,
  work: () => Promise<T>,
  onFailure: (error: unknown) => A,
): Promise<{ readonly ok: true; readonly value: T } | { readonly ok: false; readonly answer: A }> {
  await manager.query(`SAVEPOINT ${name}`);
  let value: T;
  try {
    value = await work();
  } catch (error) {
    const answer = onFailure(error);
    await manager.query(`ROLLBACK TO SAVEPOINT ${name}`);
    return { ok: false, answer };
  }
  await manager.query(`RELEASE SAVEPOINT ${name}`);
  return { ok: true, value };
}
