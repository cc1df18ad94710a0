import { Module } from '@nestjs/common';
import { HistoryFeedService } from './history-feed.service.js';
import { HistoryRecorder } from './history-recorder.js';
import { HistoryRepository } from './history.repository.js';

// The append-only history: its table, and the recorder that chains each new event to the last.
// Its HTTP route (an item's events) is served by the items module, which finds the item.
@Module({
  providers: [HistoryRecorder, HistoryRepository, HistoryFeedService],
  exports: [HistoryRecorder, HistoryRepository, HistoryFeedService],
})
export class HistoryModule {}
