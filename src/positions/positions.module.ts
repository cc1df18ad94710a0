import { Module } from '@nestjs/common';
import { PositionsRepository } from './positions.repository.js';

@Module({ providers: [PositionsRepository], exports: [PositionsRepository] })
export class PositionsModule {}
