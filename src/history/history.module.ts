import { Module } from '@nestjs/common';
import { HistoryController } from './history.controller.js';
import { HistoryFeedRepository } from './history-feed.repository.js';
import { HistoryFeedService } from './history-feed.service.js';
import { HistoryRecorder } from './history-recorder.js';
import { HistoryService } from './history.service.js';

@Module({
  controllers: [HistoryController],
  providers: [HistoryRecorder, HistoryService, HistoryFeedRepository, HistoryFeedService],
  exports: [HistoryRecorder, HistoryService, HistoryFeedService],
})
export class HistoryModule {}
