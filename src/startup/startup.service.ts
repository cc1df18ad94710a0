import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { TokensService } from '../auth/tokens.service.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { SeedService } from '../seed/seed.service.js';
import { tokenBanner } from './token-banner.js';

// After the migrations: make sure someone can log in, and load the 2010 data into an empty tracker.
@Injectable()
export class StartupService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Startup');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tokens: TokensService,
    private readonly seed: SeedService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const bootstrap = await this.tokens.ensureBootstrapToken(this.config.adminToken);
    if (bootstrap.kind === 'created' && bootstrap.generated) {
      // Printed once, straight to the console and not into the log stream.
      process.stdout.write(tokenBanner(bootstrap.secret));
    } else if (bootstrap.kind === 'created') {
      this.logger.log('Created the admin token "bootstrap" from TRACKER_ADMIN_TOKEN');
    }
    if (this.config.seed) {
      await this.seed.seedIfEmpty();
    }
  }
}
