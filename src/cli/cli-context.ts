import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '../config/app-config.js';
import { CliModule } from './cli.module.js';

// Each command opens the database (running any pending migrations), does its work and closes it.
// Nest logs nothing: an error reaches the command, which names an expected one in one line (a
// damaged file is `audit verify`'s verdict) and prints the stack of any other (cli/main.ts).
export async function withContext<T>(work: (context: INestApplicationContext) => Promise<T>): Promise<T> {
  const context = await NestFactory.createApplicationContext(CliModule.forRoot(loadConfig()), {
    logger: false,
    abortOnError: false,
  });
  try {
    return await work(context);
  } finally {
    await context.close();
  }
}
