import { Module } from '@nestjs/common';
import { EditionRepository } from './edition.repository.js';

// The editions table. Publishing and reading editions is the reports module's (it builds them);
// the audit checks their heads and the transfer carries them.
@Module({
  providers: [EditionRepository],
  exports: [EditionRepository],
})
export class EditionsModule {}
