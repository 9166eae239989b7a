// Cursor pagination for list routes: `?limit=&cursor=` in, `{ items, nextCursor }` out.
// The cursor is DynamoDB's LastEvaluatedKey, base64url-encoded and checked on the way back in.
import * as z from 'zod/mini';
import { ValidationFailedError } from '../errors/domain-errors.ts';
import { decimalInteger } from './decimal-integer.schema.ts';

export const paginationQuery = {
  limit: z._default(decimalInteger({ min: 1, max: 100 }), 25),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(1024))),
};

/** What a caller asks of a list: how many items, and where the previous page stopped. */
export interface PageRequest {
  readonly limit: number;
  readonly cursor?: string;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor?: string;
}

export function pageSchema<T extends z.core.$ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.optional(z.string()) });
}

export type StartKey = Record<string, string>;

export function encodeCursor(lastEvaluatedKey: Record<string, unknown> | undefined): string | undefined {
  return lastEvaluatedKey ? Buffer.from(JSON.stringify(lastEvaluatedKey)).toString('base64url') : undefined;
}

function invalidCursor(): ValidationFailedError {
  return new ValidationFailedError({ ar: 'مؤشر الصفحة غير صالح', fr: 'Curseur de pagination invalide', en: 'Invalid pagination cursor' }, {
    fieldIssues: [
      {
        pointer: '/query/cursor',
        code: 'invalid_format',
        detail: {
          ar: 'استعمل nextCursor الوارد في الصفحة السابقة كما هو',
          fr: 'Reprenez tel quel le nextCursor de la page précédente',
          en: 'Use the nextCursor of the previous page as it is',
        },
      },
    ],
  });
}

/**
 * Decodes a cursor back into an ExclusiveStartKey; it must name exactly the key attributes of the
 * list and stay in the partition being listed, so a crafted cursor cannot reach other data.
 */
export function decodeCursor(cursor: string | undefined, keyAttributes: readonly string[], partition: StartKey): StartKey | undefined {
  if (cursor === undefined) return undefined;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (typeof decoded !== 'object' || decoded === null || Array.isArray(decoded)) throw invalidCursor();
  const key = decoded as Record<string, unknown>;
  const names = Object.keys(key);
  const wellFormed =
    names.length === keyAttributes.length &&
    keyAttributes.every((name) => typeof key[name] === 'string') &&
    Object.entries(partition).every(([name, value]) => key[name] === value);
  if (!wellFormed) throw invalidCursor();
  return key as StartKey;
}
