// The zod schema of an official name in Arabic and French, for every context whose answers carry one (a commune,
// a procedure, a holiday, a notification's message).
import * as z from 'zod/mini';
import type { BilingualName } from './language.ts';

export const bilingualNameSchema = z.object({ ar: z.string(), fr: z.string() }) satisfies z.ZodMiniType<BilingualName>;
