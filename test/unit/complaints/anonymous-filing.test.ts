// Filing without signing in: the contact is required and checked (an e-mail address, or a Moroccan number as people
// write it, kept as +212 and nine digits), and what the follow-up token shows leaves out the contact and the text.
import { describe, expect, it } from 'vitest';
import { fileComplaint } from '../../../functions/complaints/domain/complaint.ts';
import { DEFAULT_CATEGORIES } from '../../../functions/complaints/domain/complaint-settings.ts';
import { FOLLOW_UP_TOKEN, followUpTokenDigest, followUpViewOf } from '../../../functions/complaints/domain/follow-up.ts';
import { fileAnonymousComplaintRoute } from '../../../functions/complaints/schemas/complaints.schema.ts';
import { RULES } from './complaint-fixtures.ts';

const filing = { commune: 'rabat', kind: 'reclamation', category: 'voirie', text: 'Nid-de-poule, appelez le 0612345678' };
const contactOf = (contact: unknown) => fileAnonymousComplaintRoute.body!.safeParse({ ...filing, contact });

describe('the contact of a complaint filed without signing in', () => {
  it.each([
    ['06 12 34 56 78', '+212612345678'],
    ['+212 7-12-34-56-78', '+212712345678'],
    ['00212.522.12.34.56', '+212522123456'],
  ])('takes the phone %s as %s', (phone, kept) => {
    expect(contactOf({ phone }).data?.contact).toEqual({ phone: kept });
  });

  it.each([
    ['no contact', {}],
    ['a number too short', { phone: '0612345' }],
    ['a number outside Morocco', { phone: '+33612345678' }],
    ['a Moroccan number of no network', { phone: '0812345678' }],
    ['an e-mail address without a domain', { email: 'amina@' }],
  ])('refuses %s', (_name, contact) => {
    expect(contactOf(contact).success).toBe(false);
  });

  it('takes an e-mail address alone', () => {
    expect(contactOf({ email: 'amina@example.ma' }).data?.contact).toEqual({ email: 'amina@example.ma' });
  });
});

describe('the follow-up of a complaint filed without signing in', () => {
  it('shows where it stands and never its contact nor its text', () => {
    const voirie = DEFAULT_CATEGORIES.find((category) => category.code === 'voirie')!;
    const at = new Date('2026-06-01T09:15:42.000Z');
    const { complaint } = fileComplaint({ id: 'c-1', ...filing, kind: 'reclamation', channel: 'anonymous', contact: { phone: '+212612345678' } }, { category: voirie, rules: RULES }, at, new Set(), { sub: 'anonymous', role: 'anonymous' }, at);

    const view = followUpViewOf(complaint);

    expect(view).toMatchObject({ id: 'c-1', status: 'submitted', receivedAt: '2026-06-01T10:15:42+01:00', answerDueAt: complaint.clocks.answer.dueAt });
    expect(JSON.stringify(view)).not.toContain('612345678');
  });

  it('keeps the SHA-256 of the token, not the token', () => {
    const token = 'q3Zx8bV1mN0pK2rT5yW7aC9eG4iL6oS8uB1dF3hJ5kM';
    expect(token).toMatch(FOLLOW_UP_TOKEN);
    // Computed apart: base64url(SHA-256(token)), unpadded.
    expect(followUpTokenDigest(token)).toBe('-FNXhUC49KD3TEQv0e_tfrwCJ70kFTCJQ1Jfo14YVZ8');
  });
});
