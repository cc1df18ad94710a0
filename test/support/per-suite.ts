// One resource for the tests of a describe block: started before the first, closed after the last.
// What it answers stands for the resource once it has started (each property is read from it then),
// so that a suite declares it in one line and its tests use it as they would the resource itself.
export function perSuite<T extends { close(): Promise<void> }>(start: () => Promise<T>): T {
  let started: T | undefined;
  beforeAll(async () => {
    started = await start();
  });
  afterAll(async () => {
    await started?.close();
  });
  return new Proxy({} as T, {
    get(_, property) {
      if (started === undefined) {
        throw new Error('A suite resource starts in beforeAll: use it in a test or a later hook');
      }
      return Reflect.get(started, property, started) as unknown;
    },
  });
}
