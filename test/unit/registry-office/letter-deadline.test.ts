// The processing deadline of an incoming letter: its priority's working days on the case clock, two reminders at
// half and four fifths of the time to the due instant (to the recipient, through their inbox), the lapse recorded
// with the letter still open, and the next instant its workflow wakes at.
import { describe, expect, it } from 'vitest';
import { letterIndexAttributes } from '../../../functions/registry-office/adapters/registry-office-keys.ts';
import {
  DEFAULT_PROCESSING_DAYS,
  dueReminders,
  letterStanding,
  nextWake,
  processingClock,
  recordLapse,
  remindLetter,
} from '../../../functions/registry-office/domain/letter-deadline.ts';
import { closeLetter, registerLetter, routeLetter, type Letter } from '../../../functions/registry-office/domain/letter.ts';
import { DEFAULT_NUMBER_FORMAT } from '../../../functions/registry-office/domain/letter-number.ts';

const clerk = { sub: 'clerk-1', role: 'clerk' } as const;
// Monday 1 June 2026, 10:00 in Morocco (UTC+1): no holiday in the next three weeks.
const receivedAt = new Date('2026-06-01T09:00:00Z');
const clock = processingClock('urgent', DEFAULT_PROCESSING_DAYS, receivedAt, new Set());
const { letter: registered } = registerLetter(
  { id: 'letter-1', commune: 'rabat', register: 'incoming', channel: 'post', sender: { name: 'Atlas' }, subject: 'Objet', confidentiality: 'normal', priority: 'urgent', clock },
  { format: DEFAULT_NUMBER_FORMAT, sequence: 1 },
  clerk,
  receivedAt,
);
const routed = routeLetter(registered, 'voirie', [{ mode: 'recipient', sub: 'agent-voirie' }], clerk, new Date('2026-06-01T10:00:00Z')).letter;
const dueAt = Date.parse(clock.dueAt);
const at = (fraction: number) => new Date(receivedAt.getTime() + Math.round((dueAt - receivedAt.getTime()) * fraction));

describe('the processing deadline', () => {
  it('gives an urgent letter three working days from the day after receipt', () => {
    expect(clock).toMatchObject({ receiptDate: '2026-06-01', period: { days: 3, unit: 'working' }, dueDate: '2026-06-04' });
  });

  it('wakes its workflow at the first reminder, then the second, then just after the deadline', () => {
    expect(nextWake(routed as Letter & { clock: typeof clock })).toBe(at(0.5).toISOString());
    const once = { ...routed, remindersSent: ['half'] };
    expect(nextWake(once as Letter & { clock: typeof clock })).toBe(at(0.8).toISOString());
    const twice = { ...routed, remindersSent: ['half', 'four-fifths'] };
    expect(Date.parse(nextWake(twice as Letter & { clock: typeof clock }))).toBeGreaterThan(dueAt);
  });

  it('has no reminder due before half the time, one at half, both at four fifths unless sent', () => {
    expect(dueReminders(routed, at(0.49))).toEqual([]);
    expect(dueReminders(routed, at(0.5))).toEqual(['half']);
    expect(dueReminders(routed, at(0.8))).toEqual(['half', 'four-fifths']);
    expect(dueReminders({ ...routed, remindersSent: ['half'] }, at(0.9))).toEqual(['four-fifths']);
  });

  it("asks for a reminder in the recipient's inbox, recording it in the history", () => {
    const { letter, event, outbox } = remindLetter(routed, ['half'], at(0.5));

    expect(letter).toMatchObject({ remindersSent: ['half'], version: routed.version + 1 });
    expect(event).toMatchObject({ type: 'reminded', by: { role: 'system' }, details: { reminders: ['half'], recipient: 'agent-voirie' } });
    expect(outbox).toEqual([expect.objectContaining({ type: 'notification.requested', data: expect.objectContaining({ recipient: 'agent-voirie', topic: 'letter-deadline-reminder', about: { kind: 'letter', id: 'letter-1', reference: registered.number } }) })]);
  });

  it('records a reminder of a letter not routed yet without telling anyone', () => {
    expect(remindLetter(registered, ['half'], at(0.5)).outbox).toBeUndefined();
  });

  it('records the lapse, and lists the letter with its service as overdue instead of open', () => {
    const before = letterIndexAttributes(routed);
    const lapsed = recordLapse(routed, new Date(dueAt + 1)).letter;
    const after = letterIndexAttributes(lapsed);

    expect(letterStanding(lapsed)).toBe('lapsed');
    expect(before.openPk).toMatch(/^OPEN#\d+$/);
    expect(after.openPk).toBeUndefined();
    expect(after).toMatchObject({ overduePk: 'OVERDUE#rabat', overdueSk: `voirie#${new Date(dueAt).toISOString()}#letter-1` });
  });

  it('takes a closed letter off both the open and the overdue lists', () => {
    const lapsed = recordLapse(routed, new Date(dueAt + 1)).letter;
    const closed = closeLetter(lapsed, undefined, clerk, new Date(dueAt + 2)).letter;

    expect(letterIndexAttributes(closed)).not.toHaveProperty('openPk');
    expect(letterIndexAttributes(closed)).not.toHaveProperty('overduePk');
  });
});
