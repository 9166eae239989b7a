// The zod fields of a declared file as the API answers them (declared-file.ts): each context adds its own status
// and the instant its completion stored the file.
import * as z from 'zod/mini';
import { actorSchema } from '../http/common.schema.ts';
import { KNOWN_CONTENT_TYPES } from './file-content.ts';


export const declaredFileFields = {
  id: z.uuid(),
  name: z.string(),
  contentType: z.enum(KNOWN_CONTENT_TYPES),
  sizeBytes: z.int(),
  sha256: z.string().check(z.describe('Lower-case hexadecimal')),
  declaredAt: z.iso.datetime(),
  declaredBy: actorSchema,
  scan: z.enum(['pending', 'clean', 'not-scanned', 'quarantined']).check(z.describe('The malware scan: `clean` and `not-scanned` (where no scanner is deployed: the local platform) are released to readers; `quarantined` is never served')),
  scanResult: z.optional(z.object({ tag: z.string(), at: z.iso.datetime() })).check(z.describe("The scanner's tag that released or quarantined it")),
};
