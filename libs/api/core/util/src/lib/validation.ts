import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { ValidateIf } from 'class-validator';
import { ProblemException } from './problem.exception';

/**
 * The API's one validation pipe: DTOs are class-validator classes; unknown fields are refused
 * (not silently dropped), values are converted to the DTO's types, and every failure becomes a
 * 400 problem with per-field messages.
 */
export function validationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      return new ProblemException(400, {
        title: 'Invalid request',
        detail: `Check ${Object.keys(fields).join(', ')}.`,
        errors: fields,
      });
    },
  });
}

function flatten(errors: ValidationError[], prefix = ''): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) fields[path] = Object.values(error.constraints);
    Object.assign(fields, flatten(error.children ?? [], path));
  }
  return fields;
}

/**
 * A field the caller may leave out. Unlike class-validator's `@IsOptional()`, which also skips
 * `null`, only an absent field (`undefined`) is skipped: `{"title": null}` is validated like any
 * other value and answered 400 naming the field, never written to the database.
 */
export const Optional = (): PropertyDecorator => ValidateIf((_object: object, value: unknown) => value !== undefined);
