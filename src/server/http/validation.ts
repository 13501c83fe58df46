import type { FastifySchemaCompiler } from 'fastify';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { hasMessage } from '../i18n/translator';
import type { FieldError } from './problem';

/**
 * Raised by a service when input passed the schema but breaks a business rule (a common password, an email
 * already taken). Each field carries a catalogue key; the error handler words it in the caller's language.
 */
export class InvalidFieldsError extends Error {
  override name = 'InvalidFieldsError';
  constructor(readonly fields: Array<{ path: string; messageKey: string }>) {
    super(`Invalid fields: ${fields.map((field) => field.path).join(', ')}`);
  }
}

/** Raised by the validator compiler; the error handler turns it into a localized validation problem. */
export class RequestValidationError extends Error {
  override name = 'RequestValidationError';
  constructor(
    readonly issues: z.core.$ZodIssue[],
    readonly location: string,
  ) {
    super(`Invalid ${location}`);
  }
}

/**
 * Validates each request part with its zod schema. Zod's own messages stay out of responses: its Spanish reads
 * as a literal translation, so every issue is re-worded from our catalogue in the caller's language.
 */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) return { value: result.data };
    return { error: new RequestValidationError(result.error.issues, httpPart ?? 'body') };
  };

export function describeIssues(error: RequestValidationError, t: TFunction): FieldError[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        in: error.location,
        path: [...issue.path, key].join('.'),
        message: t('validation.unknownField'),
      }));
    }
    return [{ in: error.location, path: issue.path.join('.'), message: describeIssue(issue, t) }];
  });
}

function describeIssue(issue: z.core.$ZodIssue, t: TFunction): string {
  // Schemas may carry a catalogue key as their custom message (e.g. `registry.document.ccDigits`).
  if (issue.message && hasMessage(issue.message)) return t(issue.message);
  switch (issue.code) {
    case 'invalid_type': {
      if ((issue as { input?: unknown }).input === undefined) return t('validation.required');
      const key = `validation.type.${issue.expected}`;
      return hasMessage(key) ? t(key) : t('validation.type.other');
    }
    case 'invalid_format': {
      const key = `validation.format.${issue.format}`;
      return hasMessage(key) ? t(key) : t('validation.format.other');
    }
    case 'too_small':
      return describeBound(issue.origin, Number(issue.minimum), issue.inclusive ?? true, 'tooSmall', t);
    case 'too_big':
      return describeBound(issue.origin, Number(issue.maximum), issue.inclusive ?? true, 'tooBig', t);
    case 'invalid_value':
      return t('validation.oneOf', { values: issue.values.map(String).join(', ') });
    default:
      return t('validation.invalid');
  }
}

function describeBound(
  origin: string,
  limit: number,
  inclusive: boolean,
  direction: 'tooSmall' | 'tooBig',
  t: TFunction,
): string {
  const bound = direction === 'tooSmall' ? { minimum: limit } : { maximum: limit };
  if (origin === 'string' || origin === 'array')
    return t(`validation.${direction}.${origin}`, { count: limit });
  if (origin === 'number' || origin === 'int' || origin === 'bigint') {
    return t(`validation.${direction}.${inclusive ? 'number' : 'numberExclusive'}`, bound);
  }
  return t(`validation.${direction}.other`);
}
