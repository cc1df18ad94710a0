import { Module } from '@nestjs/common';
import { HistoryController } from './history.controller.js';
import { HistoryRecorder } from './history-recorder.js';
import { HistoryService } from './history.service.js';

@Module({
  controllers: [HistoryController],
  providers: [HistoryRecorder, HistoryService],
  exports: [HistoryRecorder, HistoryService],
})
export class HistoryModule {}
