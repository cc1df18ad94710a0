import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { SeedModule } from '../seed/seed.module.js';
import { StartupService } from './startup.service.js';

@Module({ imports: [AuthModule, SeedModule], providers: [StartupService] })
export class StartupModule {}
