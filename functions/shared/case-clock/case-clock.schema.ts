// The case clock's schema (./case-clock-view.schema.ts) as a classic zod object, for the schemas not yet written
// with zod/mini (transparency's), which call its methods. Remove this file once no schema imports it.
import * as z from 'zod';
import { caseClockFields } from './case-clock-view.schema.ts';

export { caseClockView, type CaseClockView } from './case-clock-view.schema.ts';

export const caseClockSchema = z.object(caseClockFields);
