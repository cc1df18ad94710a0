import { Module } from '@nestjs/common';
import { PartiesController } from './parties.controller.js';
import { PartyRepository } from './party.repository.js';
import { PartiesService } from './parties.service.js';

@Module({
  controllers: [PartiesController],
  providers: [PartiesService, PartyRepository],
  exports: [PartiesService, PartyRepository],
})
export class PartiesModule {}
