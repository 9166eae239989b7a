// zod shapes of the deadline cases as the councils API shows them: the visa and reminder settings, a planned
// session's convocation reminder, a closed session's transmission period and a deliberation's visa period (all on
// the deadline-case kit). Kept apart from councils.schema.ts, which only spreads the field groups below.
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

export const remindersSchema = z
  .strictObject({ convocationDaysBefore: z.number().int().min(0).max(30).describe('Days before the last day a convocation can be sent') })
  .describe('Our practice value: 3 days');

export const convocationReminderSchema = z
  .object({
    lastDay: z.iso.date().describe('The last day the convocation can be sent with the notice the settings require'),
    at: z.string().describe('When the secretariat is reminded'),
    notify: z.string(),
    sentAt: z.string().optional(),
  })
  .describe("The reminder of the convocation deadline to whoever planned the session (not for a session the governor asked for)");

export const visaControlSchema = z.object({ clock: storedClock, passedAt: z.string().optional() }).describe('The visa period of an item type that needs one, from the receipt');

/** The settings' optional control values. */
export const settingsControlFields = { visa: visaSettingsSchema.optional(), reminders: remindersSchema.optional() };
/** A session's deadline cases. */
export const sessionControlFields = { convocationReminder: convocationReminderSchema.optional(), transmissionControl: transmissionControlSchema.optional() };
/** A deliberation's control periods and what the check recorded of them. */
export const deliberationControlFields = { visa: visaControlSchema.optional(), oppositionPassedAt: z.string().optional(), enforceableSince: z.string().optional() };
