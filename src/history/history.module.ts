import { Module } from '@nestjs/common';
import { HistoryRecorder } from './history-recorder.js';
import { HistoryRepository } from './history.repository.js';

// The append-only history: its table, and the recorder that chains each new event to the last.
// Its HTTP route (an item's events) is served by the items module, which finds the item.
@Module({
  providers: [HistoryRecorder, HistoryRepository],
  exports: [HistoryRecorder, HistoryRepository],
})
export class HistoryModule {}
