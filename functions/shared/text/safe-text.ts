// The safe-text building blocks (./safe-text.schema.ts) as classic zod schemas, for the schemas not yet written
// with zod/mini (transparency's), which call their methods. The same checks, in the same order; remove this file
// once no schema imports it.
import * as z from 'zod';
import { freeTextChecks, identifierChecks, nameChecks, type TextBounds } from './safe-text.schema.ts';

export { FORBIDDEN_CHARACTER, type TextBounds } from './safe-text.schema.ts';

export function safeName(bounds: TextBounds) {
  return z.string().check(...nameChecks(bounds));
}

export function safeIdentifier(options: Parameters<typeof identifierChecks>[0]) {
  return z.string().check(...identifierChecks(options));
}

export function safeFreeText(bounds: TextBounds) {
  return z.string().check(...freeTextChecks(bounds));
}
