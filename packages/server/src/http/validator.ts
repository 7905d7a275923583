import type { FastifySchemaCompiler } from 'fastify';
import type { TSchema } from 'typebox';
import { compileValidator } from '../validation.js';

const NUMERIC = /^-?\d+(\.\d+)?$/;

/**
 * Query strings and params arrive as strings: turn numeric strings into numbers where the schema
 * wants a number, and leave everything else for the schema to judge ("1.5" stays a non-integer).
 */
function coerceNumbers(schema: TSchema, value: unknown): unknown {
  const properties = (schema as { properties?: Record<string, { type?: unknown }> }).properties;
  if (!properties || typeof value !== 'object' || value === null) return value;
  const coerced: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const [key, property] of Object.entries(properties)) {
    const raw = coerced[key];
    if ((property.type === 'integer' || property.type === 'number') && typeof raw === 'string' && NUMERIC.test(raw)) {
      coerced[key] = Number(raw);
    }
  }
  return coerced;
}

const PART_NAMES: Record<string, string> = { body: 'body', querystring: 'query', params: 'path parameter', headers: 'header' };

/**
 * Validates REST input with the same compiled TypeBox checkers as socket payloads. A failure
 * returns the ApiError (VALIDATION or TOO_LARGE) for the error handler to send as is.
 */
export const validatorCompiler: FastifySchemaCompiler<TSchema> = ({ schema, httpPart }) => {
  const validate = compileValidator(schema, PART_NAMES[httpPart ?? 'body'] ?? 'input');
  const convert = httpPart === 'querystring' || httpPart === 'params';
  return (input: unknown) => {
    try {
      return { value: validate(convert ? coerceNumbers(schema, input) : input) };
    } catch (error) {
      return { error: error as Error };
    }
  };
};
