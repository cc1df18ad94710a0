import { Module } from '@nestjs/common';
import { HistoryFeedService } from './history-feed.service.js';
import { HistoryRecorder } from './history-recorder.js';
import { FeedRepository } from './feed.repository.js';
import { HistoryRepository } from './history.repository.js';
import { PositionRepository } from './position.repository.js';
import { AssessmentRepository } from './assessment.repository.js';

// The append-only history: its table, and the recorder that chains each new event to the last.
// Its HTTP route (an item's events) is served by the items module, which finds the item.
// Positions and assessments are events too: their read models live here, and the feed's.
@Module({
  providers: [
    HistoryRecorder,
    HistoryRepository,
    FeedRepository,
    HistoryFeedService,
    PositionRepository,
    AssessmentRepository,
  ],
  exports: [HistoryRecorder, HistoryRepository, HistoryFeedService, PositionRepository, AssessmentRepository],
})
export class HistoryModule {}
