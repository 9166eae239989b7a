// zod/mini shapes every context's route contracts use alike.
import * as z from 'zod/mini';

/** A code the platform names things by (a commune, a procedure, a category, a topic): lower-case, digits, dashes. */
export const codeSchema = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{1,63}$/, 'lower-case letters, digits and dashes'));

/** Who acted, as a history shows it: the caller's subject and the role they acted in. */
export const actorSchema = z.object({ sub: z.string(), role: z.string() });
