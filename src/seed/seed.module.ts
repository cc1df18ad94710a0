import { Module } from '@nestjs/common';
import { ItemsModule } from '../items/items.module.js';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { PartiesModule } from '../parties/parties.module.js';
import { SeedService } from './seed.service.js';

@Module({ imports: [ItemsModule, MeetingsModule, PartiesModule], providers: [SeedService], exports: [SeedService] })
export class SeedModule {}
