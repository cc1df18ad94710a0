import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Max, Min } from 'class-validator';
import { ToQueryInteger } from '../../common/validators.js';

// `/api/items/:key/history/:seq/…`: the item by id or slug, and one of its events by seq. The
// example is, on a fresh tracker, the United States' seeded position on the CFE treaty update.
export class EventPathParams {
  @ApiProperty({ description: 'The item, by id or slug', example: 'cfe-treaty-update' })
  @IsString()
  key: string;

  @ApiProperty({ description: "The event's seq in the item history", example: 2, minimum: 1 })
  @ToQueryInteger()
  @IsInt()
  @Min(1)
  @Max(2_000_000_000)
  seq: number;
}
