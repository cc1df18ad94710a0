import { AuditService } from '../../src/audit/audit.service.js';
import { ItemsService } from '../../src/items/items.service.js';
import { ReportsService } from '../../src/reports/reports.service.js';
import type { StatusReport } from '../../src/reports/status-report.view.js';
import { makeItem, TEST_ACTOR } from './support/factories.js';
import { startServices, type ServiceContext } from './support/service-context.js';

// The reports and the audit read the history through the history and item repositories.
describe('ReportsService and AuditService on a real database', () => {
  let services: ServiceContext;
  beforeAll(async () => {
    services = await startServices();
  });
  afterAll(() => services.close());

  const status = async (asOf: string, knownAt?: string) =>
    JSON.parse(
      (await services.get(ReportsService).statusDocument({ asOf, knownAt }, 'json', 'test')).toString('utf8'),
    ) as StatusReport;

  it('rebuilds the status as of a day, and as it was known at an instant', async () => {
    const item = await makeItem(services, { category: 'arms-control', proposedOn: '2010-09-22' });
    const beforeMove = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await services
      .get(ItemsService)
      .transition(item.slug, { to: 'agreed', effectiveOn: '2010-11-20' }, undefined, TEST_ACTOR);
    const row = (report: StatusReport) => report.items.find(({ slug }) => slug === item.slug);
    expect(row(await status('2010-10-01'))).toMatchObject({ state: 'proposed', since: '2010-09-22' });
    expect(row(await status('2010-12-01'))).toMatchObject({ state: 'agreed', since: '2010-11-20' });
    expect(row(await status('2010-12-01', beforeMove))).toMatchObject({ state: 'proposed' });
    expect(row(await status('2010-09-01'))).toBeUndefined();
  });

  it('verifies the chain it wrote, and reports its head', async () => {
    await makeItem(services);
    const head = await services.get(AuditService).head();
    const report = await services.get(AuditService).verify();
    expect(report).toMatchObject({ ok: true, events: head.events, head: head.hash });
  });
});
