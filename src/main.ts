import 'reflect-metadata';
import { createApp } from './app.factory.js';
import { ConfigError, loadConfig } from './config/app-config.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  app.getHttpAdapter().getInstance().log.info(`policy-tracker listening on http://${config.host}:${config.port}`);
}

main().catch((error: unknown) => {
  // A bad setting stops the server with one line that names it.
  process.stderr.write(
    error instanceof ConfigError ? `${error.message}\n` : `policy-tracker failed to start: ${String(error)}\n`,
  );
  process.exit(1);
});
