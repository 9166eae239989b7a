// zod shapes of the deadline cases as the councils API shows them: the visa and reminder settings, a planned
// session's convocation reminder, a closed session's transmission period and a deliberation's visa period (all on
// the deadline-case kit). Kept apart from councils.schema.ts, which only spreads the field groups below.
import * as z from 'zod/mini';
import { caseClockSchema } from '../../shared/case-clock/case-clock-view.schema.ts';
import { actorSchema } from '../../shared/http/common.schema.ts';
import { ITEM_TYPES } from '../domain/council-settings.ts';
import { lazyValue } from '../../shared/lazy-value.ts';

const storedClock = lazyValue(() => z.omit(caseClockSchema, { status: true, explanation: true }));

export const visaSettingsSchema = lazyValue(() => z
  .strictObject({
    itemTypes: z.array(z.enum(ITEM_TYPES)).check(z.maxLength(ITEM_TYPES.length), z.describe('The item types whose deliberation needs a visa')),
    days: z.int().check(z.gte(1), z.lte(120)),
    unit: z.enum(['calendar', 'working']),
  })
  .check(z.describe('Unconfirmed default: budget, loans and delegated management, 20 calendar days from the receipt')));

export const transmissionControlSchema = lazyValue(() => z
  .object({
    clock: storedClock(),
    notify: z.string().check(z.describe('Who is told when the period passes with deliberations not transmitted')),
    checked: z.optional(z.object({ at: z.string(), late: z.array(z.string()).check(z.describe('The numbers of the deliberations not transmitted in time')) })),
  })
  .check(z.describe('The period to transmit the deliberations to the governor, from the close, in working days')));

export const remindersSchema = lazyValue(() => z
  .strictObject({ convocationDaysBefore: z.int().check(z.gte(0), z.lte(30), z.describe('Days before the last day a convocation can be sent')) })
  .check(z.describe('Our practice value: 3 days')));

export const convocationReminderSchema = lazyValue(() => z
  .object({
    round: z.optional(z.int()).check(z.describe("The meeting article 42 called after a sitting without quorum, whose drafted convocation is awaited; absent: the first meeting")),
    lastDay: z.iso.date().check(z.describe('The last day the convocation can be sent: with the notice the settings require (first meeting), the eve of the proposed meeting (second, third)')),
    at: z.string().check(z.describe('When the secretariat is reminded')),
    notify: z.string(),
    sentAt: z.optional(z.string()),
  })
  .check(z.describe('The reminder of the convocation deadline: to whoever planned the session (not for a session the governor asked for), or for the drafted convocation of the next meeting to whoever opened the sitting without quorum, at 09:00 the day after')));

export const visaControlSchema = lazyValue(() => z.object({
  clock: storedClock(),
  passedAt: z.optional(z.string()),
  decision: z.optional(z.object({ outcome: z.enum(['given', 'refused']), at: z.string(), by: actorSchema, reasons: z.optional(z.string()), inTime: z.boolean().check(z.describe('Before the period passed')) })),
}).check(z.describe('The visa period of an item type that needs one, from the receipt')));

/** The settings' optional control values. */
export const settingsControlFields = lazyValue(() => ({ visa: z.optional(visaSettingsSchema()), reminders: z.optional(remindersSchema()) }));
/** A session's deadline cases. */
export const sessionControlFields = lazyValue(() => ({ convocationReminder: z.optional(convocationReminderSchema()), transmissionControl: z.optional(transmissionControlSchema()) }));
/** A deliberation's control periods and what the check recorded of them. */
export const deliberationControlFields = lazyValue(() => ({ visa: z.optional(visaControlSchema()), oppositionPassedAt: z.optional(z.string()), enforceableSince: z.optional(z.string()) }));
