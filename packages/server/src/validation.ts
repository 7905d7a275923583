import type { Static, TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { ApiError } from './errors.js';
import { findUnstorableText } from './unstorable-text.js';

interface SchemaIssue {
  keyword: string;
  instancePath: string;
  message: string;
  params: unknown;
}

/** Keywords that mean "too big" rather than "wrong": answered with TOO_LARGE, not VALIDATION. */
const SIZE_KEYWORDS = new Set(['maxLength', 'maxItems', 'maxProperties']);

/** Where in the payload: `/content/text` becomes `content.text`; the root is `(root)`. */
function fieldName(instancePath: string): string {
  return instancePath === '' ? '(root)' : instancePath.slice(1).replaceAll('/', '.');
}

/**
 * Turns schema issues into one ApiError: TOO_LARGE when a string or array is over its limit,
 * else VALIDATION. `details.fields` names each offending field.
 */
export function schemaError(issues: readonly SchemaIssue[], where: string): ApiError {
  const tooLarge = issues.find((issue) => SIZE_KEYWORDS.has(issue.keyword));
  const relevant = tooLarge ? [tooLarge] : issues.filter((issue) => issue.keyword !== 'boolean');
  const fields = relevant.map((issue) => ({ field: fieldName(issue.instancePath), problem: issue.message }));
  return fieldsError(tooLarge ? 'TOO_LARGE' : 'VALIDATION', where, fields);
}

/** `Invalid <where> field "<first field>": <its problem>`, with every field in `details.fields`. */
function fieldsError(code: 'TOO_LARGE' | 'VALIDATION', where: string, fields: { field: string; problem: string }[]): ApiError {
  const first = fields[0] ?? { field: '(root)', problem: 'is invalid' };
  const subject = first.field === '(root)' ? where : `${where} field "${first.field}"`;
  return new ApiError(code, `Invalid ${subject}: ${first.problem}`, { fields });
}

/**
 * Every string of every input (REST bodies, query strings, path parameters, socket payloads, host
 * token claims) passes here: a NUL or a lone surrogate is VALIDATION on every backend, before
 * anything is written (PostgreSQL could not store it; SQLite would store what no client can read).
 */
export function refuseUnstorableText(value: unknown, where: string): void {
  const found = findUnstorableText(value);
  if (found) throw fieldsError('VALIDATION', where, [{ field: found.path.length === 0 ? '(root)' : found.path.join('.'), problem: found.problem }]);
}

/** A checker that returns the value typed, or throws the mapped ApiError. Compiled once. */
export type Validator<T> = (value: unknown) => T;

export function compileValidator<S extends TSchema>(schema: S, where = 'payload'): Validator<Static<S>> {
  const checker = Compile(schema);
  return (value) => {
    if (!checker.Check(value)) throw schemaError(checker.Errors(value) as SchemaIssue[], where);
    refuseUnstorableText(value, where);
    return value as Static<S>;
  };
}
