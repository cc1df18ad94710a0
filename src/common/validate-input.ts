import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate } from 'class-validator';
import { validationExceptionFactory } from './validation-errors.js';
import { assertWellFormed } from './well-formed-unicode.js';

// The same checks as the HTTP ValidationPipe, for input that arrives another way (the CLI, files).
export async function validateInput<T extends object>(type: ClassConstructor<T>, plain: unknown): Promise<T> {
  assertWellFormed(plain);
  const instance = plainToInstance(type, plain);
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) {
    throw validationExceptionFactory(errors);
  }
  return instance;
}
