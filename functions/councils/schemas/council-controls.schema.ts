// zod shapes of the governor's control periods as the councils API shows them: the visa settings, a closed
// session's transmission period and a deliberation's visa period (all on the deadline-case kit). Kept apart from
// councils.schema.ts, which only refers to them.
import * as z from 'zod';
import { caseClockSchema } from '../../shared/case-clock/case-clock.schema.ts';
import { ITEM_TYPES } from '../domain/council-settings.ts';

const storedClock = caseClockSchema.omit({ status: true, explanation: true });

export const visaSettingsSchema = z
  .strictObject({
    itemTypes: z.array(z.enum(ITEM_TYPES)).max(ITEM_TYPES.length).describe('The item types whose deliberation needs a visa'),
    days: z.number().int().min(1).max(120),
    unit: z.enum(['calendar', 'working']),
  })
  .describe('Unconfirmed default: budget, loans and delegated management, 20 calendar days from the receipt');

export const transmissionControlSchema = z
  .object({
    clock: storedClock,
    notify: z.string().describe('Who is told when the period passes with deliberations not transmitted'),
    checked: z.object({ at: z.string(), late: z.array(z.string()).describe('The numbers of the deliberations not transmitted in time') }).optional(),
  })
  .describe('The period to transmit the deliberations to the governor, from the close, in working days');

export const visaControlSchema = z.object({ clock: storedClock, passedAt: z.string().optional() }).describe('The visa period of an item type that needs one, from the receipt');
