// Whether a create's retry asks for the same thing as the first request with its Idempotency-Key: the fields the
// request gave, compared with what the first one stored, whatever the order DynamoDB gives a stored map's keys in.
import { holdsFieldsOf } from './idempotency-ids.ts';

/** Each field of `request` holds the same value in `stored` (the same comparison as `holdsFieldsOf`). */
export const storedAsRequested: (stored: object, request: Readonly<Record<string, unknown>>) => boolean = holdsFieldsOf;
