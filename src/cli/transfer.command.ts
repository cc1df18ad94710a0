import { once } from 'node:events';
import { createReadStream, createWriteStream, existsSync, rmSync } from 'node:fs';
import { Command } from 'commander';
import { DomainError } from '../common/domain-error.js';
import { fileLines } from '../transfer/file-lines.js';
import type { ExportCounts } from '../transfer/transfer-format.js';
import { TransferService, type LineWriter } from '../transfer/transfer.service.js';
import { withContext } from './cli-context.js';

export function exportCommand(): Command {
  return new Command('export')
    .description('write items, meetings and the full history (not tokens) to a new JSON lines file')
    .argument('<file>', 'the file to create; an existing file is not overwritten')
    .action(async (file: string) => {
      if (existsSync(file)) {
        throw DomainError.validation(
          [{ field: 'file', message: `${file} exists already; name a new file` }],
          'Nothing was exported.',
        );
      }
      const counts = await withContext((context) =>
        writeLines(file, (write) => context.get(TransferService).exportTo(write)),
      );
      process.stdout.write(`Exported ${describe(counts)} to ${file}.\n`);
    });
}

export function importCommand(): Command {
  return new Command('import')
    .description('load an export into an empty tracker, after checking its whole history chain')
    .argument('<file>', 'a file written by export')
    .action(async (file: string) => {
      if (!existsSync(file)) {
        throw DomainError.validation([{ field: 'file', message: `${file} does not exist` }], 'Nothing was imported.');
      }
      const counts = await withContext((context) =>
        context.get(TransferService).importFrom(() => fileLines(createReadStream(file))),
      );
      process.stdout.write(`Imported ${describe(counts)} from ${file}.\n`);
    });
}

// Line by line with back-pressure; a failed export leaves no half-written file behind.
async function writeLines<T>(file: string, produce: (write: LineWriter) => Promise<T>): Promise<T> {
  const out = createWriteStream(file, { flags: 'wx', encoding: 'utf8' });
  await once(out, 'open');
  try {
    const result = await produce(async (line) => {
      if (!out.write(`${line}\n`)) {
        await once(out, 'drain');
      }
    });
    out.end();
    await once(out, 'finish');
    return result;
  } catch (error) {
    out.destroy();
    rmSync(file, { force: true });
    throw error;
  }
}

function describe({ meetings, items, events, head }: ExportCounts): string {
  return `${meetings} meetings, ${items} items and ${events} history events (head ${head.slice(0, 12)}…)`;
}
