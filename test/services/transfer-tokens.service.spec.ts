import { TokensService } from '../../src/auth/tokens.service.js';
import { DomainError } from '../../src/common/domain-error.js';
import { TransactionRunner } from '../../src/database/transaction-runner.js';
import { ItemRepository } from '../../src/items/item.repository.js';
import { TransferService } from '../../src/transfer/transfer.service.js';
import { makeItem, makeMeeting } from './support/factories.js';
import { startServices, startServicesPerSuite } from './support/service-context.js';

describe('TransferService, TokensService and the transaction runner on a real database', () => {
  const services = startServicesPerSuite();

  it('exports through a snapshot and imports the same tracker into an empty database', async () => {
    const item = await makeItem(services);
    await makeMeeting(services);
    const lines: string[] = [];
    const exported = await services.get(TransferService).exportTo(async (line) => {
      lines.push(line);
    });
    const target = await startServices();
    try {
      expect(await target.get(TransferService).importFrom(() => lines)).toEqual(exported);
      const copy = await target.get(ItemRepository).findByKey(target.dataSource.manager, item.slug);
      expect(copy).toEqual(item);
      await expect(target.get(TransferService).importFrom(() => lines)).rejects.toMatchObject({
        code: 'target_not_empty',
      });
    } finally {
      await target.close();
    }
  });

  it('authenticates a token until it is revoked; names stay taken', async () => {
    const tokens = services.get(TokensService);
    const { token } = await tokens.create('analyst-1', 'viewer');
    expect(await tokens.authenticate(token)).toEqual({ name: 'analyst-1', role: 'viewer' });
    await tokens.revoke('analyst-1');
    expect(await tokens.authenticate(token)).toBeUndefined();
    await expect(tokens.create('analyst-1', 'viewer')).rejects.toMatchObject({ code: 'token_name_taken' });
    await expect(tokens.revoke('analyst-1')).rejects.toBeInstanceOf(DomainError);
  });

  it('fails work that reads through the root manager instead of its transaction', async () => {
    const runner = services.get(TransactionRunner);
    const items = services.get(ItemRepository);
    const item = await makeItem(services);
    await expect(runner.write(() => items.findByKey(services.dataSource.manager, item.id))).rejects.toThrow(
      /read through the root manager/,
    );
    await expect(runner.snapshot(() => items.findByKey(services.dataSource.manager, item.id))).rejects.toThrow(
      /read through the root manager/,
    );
    // Through the manager it is given, the same read works; outside any work, so does the root one.
    await expect(runner.write((manager) => items.findByKey(manager, item.id))).resolves.toEqual(item);
    await expect(items.findByKey(services.dataSource.manager, item.id)).resolves.toEqual(item);
  });
});
