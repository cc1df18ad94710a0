import { Module } from '@nestjs/common';
import { MeetingRepository } from './meeting.repository.js';
import { MeetingsController } from './meetings.controller.js';
import { MeetingsService } from './meetings.service.js';

@Module({
  controllers: [MeetingsController],
  providers: [MeetingsService, MeetingRepository],
  exports: [MeetingsService, MeetingRepository],
})
export class MeetingsModule {}
