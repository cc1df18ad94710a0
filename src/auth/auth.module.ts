import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { AuthFailureLimiter } from './auth-failure-limiter.js';
import { AuthGuard } from './auth.guard.js';
import { TokensController } from './tokens.controller.js';
import { TokenRepository } from './token.repository.js';
import { TokensService } from './tokens.service.js';

@Module({
  controllers: [TokensController],
  providers: [
    TokensService,
    TokenRepository,
    { provide: APP_GUARD, useClass: AuthGuard },
    {
      provide: AuthFailureLimiter,
      useFactory: (config: AppConfig) =>
        new AuthFailureLimiter(config.authFailureLimit, config.authFailureWindowSeconds * 1000),
      inject: [APP_CONFIG],
    },
  ],
  exports: [TokensService],
})
export class AuthModule {}
