import { writeFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { validateInput } from '../common/validate-input.js';
import { EDITION_REPORTS } from '../reports/dto/edition-query.js';
import { PublishEditionDto } from '../reports/dto/publish-edition.dto.js';
import { EditionsService } from '../reports/editions.service.js';
import { REPORT_FORMATS, type ReportFormat } from '../reports/report-format.js';
import { checkedActor } from './actor-option.js';
import { withContext } from './cli-context.js';

export function editionsCommand(): Command {
  const editions = new Command('editions').description('reports published as editions that never change');

  editions
    .command('publish')
    .description('publish an edition of a report, built from the history as it stands now')
    .argument('<slug>', 'the edition slug')
    .requiredOption('--title <title>', 'its title')
    .addOption(new Option('--report <report>', 'which report').choices(EDITION_REPORTS).makeOptionMandatory())
    .option('--query <json>', "that report's query parameters as a JSON object", '{}')
    .option('--actor <name>', 'the name recorded as its publisher', 'cli')
    .action(async (slug: string, options: { title: string; report: string; query: string; actor: string }) => {
      const actor = checkedActor(options.actor);
      const dto = await validateInput(PublishEditionDto, {
        slug,
        title: options.title,
        report: options.report,
        query: JSON.parse(options.query) as unknown,
      });
      const edition = await withContext((context) => context.get(EditionsService).publish(dto, actor));
      process.stdout.write(`${JSON.stringify(edition, null, 2)}\n`);
    });

  editions
    .command('list')
    .description('every edition, newest first')
    .action(async () => {
      const list = await withContext((context) => context.get(EditionsService).list());
      console.table(
        list.map(({ slug, title, report, head, publishedAt }) => ({
          slug,
          title,
          report,
          events: head.events,
          publishedAt,
        })),
      );
    });

  editions
    .command('show')
    .description("an edition's record, or with --format its report as published")
    .argument('<slug>', 'the edition slug')
    .addOption(new Option('--format <format>', 'print the report in this format').choices(REPORT_FORMATS))
    .option('--out <file>', 'write the report to this file instead of standard output')
    .action(async (slug: string, options: { format?: ReportFormat; out?: string }) => {
      await withContext(async (context) => {
        const service = context.get(EditionsService);
        if (options.format === undefined && options.out === undefined) {
          process.stdout.write(`${JSON.stringify(await service.get(slug), null, 2)}\n`);
          return;
        }
        const document = await service.document(slug, options.format ?? 'json');
        if (options.out) {
          await writeFile(options.out, document);
          process.stderr.write(`Wrote ${options.out}\n`);
        } else {
          process.stdout.write(document);
        }
      });
    });

  return editions;
}
