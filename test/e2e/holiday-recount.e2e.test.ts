// An administrator confirms a religious holiday one day later than its estimate, while a permit whose fifteenth day
// falls on the estimated date is running: over HTTP on the local platform, the holidays' event reaches permits, the
// deadline moves (day fifteen is a working day again), the history says why, the applicant's inbox says so, and
// the lapse happens at the new instant, once.
import { describe, expect, it } from 'vitest';
import type { Role } from '../../functions/shared/auth/roles.ts';
import { request, settle, tokenFor } from './http-client.ts';

const unique = `${Date.now()}`;
const as = (sub: string, roles: Role[]) => tokenFor({ sub: `${sub}-${unique}`, roles });
/** Fetched afresh for each call: the virtual clock moves by weeks here, and tokens live an hour. */
const applicant = () => as('applicant', ['citizen']);
const DAY_MS = 86_400_000;

interface Holiday {
  readonly date: string;
  readonly code: string;
  readonly kind: 'fixed' | 'movable';
  readonly estimated: boolean;
}

interface PermitView {
  readonly status: string;
  readonly lapsedAt?: string;
  readonly clock: { readonly dueDate: string; readonly dueAt: string; readonly status: string };
}

const isWeekday = (date: string) => ![0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
const shiftDate = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

async function setClock(instant: Date): Promise<void> {
  expect((await request('POST', '/_local/clock', { body: { set: instant.toISOString() } })).status).toBe(200);
}

async function permit(id: string): Promise<PermitView> {
  const reply = await request('GET', `/v1/permits/${id}`, { token: await applicant() });
  expect(reply.status).toBe(200);
  return reply.json as unknown as PermitView;
}

/**
 * The first estimated religious holiday of a year nobody else's test confirms, far enough ahead of the shared
 * platform's clock for a permit to be filed fifteen days before it.
 */
async function estimatedHolidayAhead(now: Date): Promise<{ year: number; holidays: Holiday[]; chosen: Holiday }> {
  for (let year = now.getUTCFullYear(); year <= now.getUTCFullYear() + 3; year += 1) {
    // The reference-data test confirms 2029 itself, and the bad-input test counts that 2030 has no version. Other
    // files move the shared clock forward (the councils' story by most of a year), so the search can reach them.
    if (year === 2029 || year === 2030) continue;
    const calendar = await request('GET', `/v1/holidays?year=${year}`);
    const holidays = calendar.json.holidays as unknown as Holiday[];
    // On a weekday: a fifteenth day on a weekend would be carried to the Monday whatever the holiday's date.
    const chosen = holidays.find(
      (holiday) =>
        holiday.kind === 'movable' && holiday.estimated && isWeekday(holiday.date) && Date.parse(`${holiday.date}T00:00:00Z`) - 20 * DAY_MS > now.getTime(),
    );
    if (calendar.json.movableConfirmed === false && chosen) return { year, holidays, chosen };
  }
  throw new Error('No estimated religious holiday ahead of the clock');
}

describe('a holiday confirmed one day later than estimated', () => {
  it("moves a running deadline, records why, tells the applicant, and lapses at the new instant once", async () => {
    const now = new Date((await request('GET', '/_local/clock')).json.now as string);
    const { year, holidays, chosen } = await estimatedHolidayAhead(now);
    // Filed at 10:00 in Morocco fifteen days before the holiday: day fifteen is its first day.
    const receiptDate = shiftDate(chosen.date, -15);
    await setClock(new Date(`${receiptDate}T09:00:00Z`));

    const filed = await request('POST', '/v1/permits', {
      token: await applicant(),
      body: { procedure: 'building-small', commune: 'rabat', project: { title: 'Maison', address: '3 rue Tiznit, Rabat' } },
      headers: { 'idempotency-key': `holiday-recount-${unique}` },
    });
    expect(filed.status).toBe(201);
    const id = filed.json.id as string;
    const before = await permit(id);
    // The fifteenth day is a holiday: the deadline is carried past it.
    expect(before.clock.dueDate > chosen.date).toBe(true);

    // The administrator confirms the holiday one day later; every other movable holiday of the year as estimated.
    const confirmed = holidays
      .filter((holiday) => holiday.kind === 'movable')
      .map((holiday) => ({ code: holiday.code, date: holiday.code === chosen.code ? shiftDate(holiday.date, 1) : holiday.date }));
    const saved = await request('PUT', `/v1/holidays/${year}`, {
      token: await as('admin', ['admin']),
      body: { holidays: confirmed },
      headers: { 'idempotency-key': `holiday-recount-confirm-${unique}` },
    });
    expect(saved.status).toBe(200);
    await settle();

    const after = await permit(id);
    expect(after.status).toBe('filed');
    // Day fifteen is a working day again: the deadline comes back to it, two days earlier.
    expect(after.clock.dueDate).toBe(shiftDate(receiptDate, 15));
    expect(after.clock.dueDate < before.clock.dueDate).toBe(true);
    const history = await request('GET', `/v1/permits/${id}/history`, { token: await applicant() });
    const recount = (history.json.items as { type: string; details?: Record<string, unknown> }[]).find((event) => event.type === 'deadline-recomputed');
    expect(recount?.details).toMatchObject({ reason: 'holidays-changed', year, dueDateBefore: before.clock.dueDate, dueDateAfter: after.clock.dueDate });
    const inbox = await request('GET', '/v1/notifications', { token: await applicant() });
    const moved = (inbox.json.items as { topic: string; about: { id: string }; message: { fr: string } }[]).filter((item) => item.about.id === id);
    expect(moved.map((item) => item.topic)).toEqual(['deadline-moved']);
    expect(moved[0]?.message.fr).toContain(after.clock.dueDate);

    // The new instant passes: lapsed, at that instant (the workflow armed for it, not the one sleeping until the former).
    await setClock(new Date(Date.parse(after.clock.dueAt) + 60_000));
    const lapsed = await permit(id);
    expect(lapsed.status).toBe('deemed-approval-available');
    expect(Date.parse(lapsed.lapsedAt!)).toBeGreaterThan(Date.parse(after.clock.dueAt));
    expect(Date.parse(lapsed.lapsedAt!)).toBeLessThan(Date.parse(after.clock.dueAt) + 60_000);
    // The former instant passes too: the workflow that slept until it finds the lapse recorded, and nothing more happens.
    await setClock(new Date(Date.parse(before.clock.dueAt) + 60_000));
    await settle();
    const events = ((await request('GET', `/v1/permits/${id}/history`, { token: await applicant() })).json.items as { type: string }[]).map((event) => event.type);
    expect(events).toEqual(['filed', 'deadline-recomputed', 'deadline-lapsed']);
    // 12 s alone; a run sharing the two cores with other work was seen past the default 60 s, and a test that times
    // out leaves its clock moves running into the next files, whose tokens then expire.
  }, 180_000);
});
