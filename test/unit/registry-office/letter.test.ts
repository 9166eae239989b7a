// The letter: registration numbers it and keeps its receipt instant to the second in Moroccan time; routing,
// redirection (the previous recipient becomes a copy), answer and closing follow its lifecycle; cancelling keeps the
// number and says why; lookup codes are compared by digest, a wrong one like an unknown number.
import { describe, expect, it } from 'vitest';
import { LETTER_CLASSIFIED, answerLetter, cancelLetter, classifyLetter, closeLetter, receiptInstant, redirectLetter, registerLetter, registerYear, routeLetter, type NewLetter } from '../../../functions/registry-office/domain/letter.ts';
import { DEFAULT_NUMBER_FORMAT } from '../../../functions/registry-office/domain/letter-number.ts';
import { LOOKUP_CODE, lookupCodeDigest, lookupCodeMatches, lookupCodeOf } from '../../../functions/registry-office/domain/lookup-code.ts';
import { InvalidStateError, ValidationFailedError } from '../../../functions/shared/errors/domain-errors.ts';

const citizen = { sub: 'citizen-1', role: 'citizen' } as const;
const clerk = { sub: 'clerk-1', role: 'clerk' } as const;
const code = lookupCodeOf(Array.from({ length: 20 }, (_, index) => index));
const letter: NewLetter = {
  id: '6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f',
  commune: 'rabat',
  register: 'incoming',
  channel: 'online',
  lodgedBy: citizen.sub,
  subject: 'Réfection de la chaussée',
  body: 'Monsieur le Président, ...',
  confidentiality: 'normal',
  priority: 'normal',
  lookupCodeDigest: lookupCodeDigest(code),
};

describe('registering a letter', () => {
  it('numbers it in its register and year, version 1, with its first history event', () => {
    const { letter: registered, event } = registerLetter(letter, { format: DEFAULT_NUMBER_FORMAT, sequence: 123 }, citizen, new Date('2027-03-01T09:15:42.789Z'));

    expect(registered).toMatchObject({ year: 2027, sequence: 123, number: '2027/A/000123', status: 'registered', version: 1, registeredBy: citizen });
    expect(event).toEqual({ letterId: letter.id, version: 1, type: 'registered', at: '2027-03-01T09:15:42.789Z', by: citizen, statusAfter: 'registered', details: { number: '2027/A/000123' } });
  });

  it('keeps the receipt instant to the second, with the offset Morocco had then', () => {
    // The runtime's tz data: UTC+1 in June 2026, UTC+0 during Ramadan 2026 (see morocco-time.test.ts).
    expect(receiptInstant(new Date('2026-06-15T09:15:42.789Z'))).toBe('2026-06-15T10:15:42+01:00');
    expect(receiptInstant(new Date('2026-03-01T09:15:42.789Z'))).toBe('2026-03-01T09:15:42+00:00');
  });

  it("files a letter into the register of the Moroccan calendar year", () => {
    expect(registerYear(new Date('2026-06-15T23:30:00Z'))).toBe(2026);
  });
});

describe('cancelling a letter', () => {
  const { letter: registered } = registerLetter(letter, { format: DEFAULT_NUMBER_FORMAT, sequence: 7 }, citizen, new Date('2027-03-01T09:00:00Z'));

  it('keeps its number and receipt instant and says why', () => {
    const { letter: cancelled, event } = cancelLetter(registered, 'Enregistré deux fois', clerk, new Date('2027-03-02T09:00:00Z'));

    expect(cancelled).toMatchObject({ number: registered.number, receivedAt: registered.receivedAt, status: 'cancelled', version: 2, cancellation: { reason: 'Enregistré deux fois', at: '2027-03-02T09:00:00.000Z', by: clerk } });
    expect(event).toMatchObject({ version: 2, type: 'cancelled', statusBefore: 'registered', statusAfter: 'cancelled' });
  });

  it('refuses to cancel it twice', () => {
    const { letter: cancelled } = cancelLetter(registered, 'Doublon', clerk, new Date('2027-03-02T09:00:00Z'));

    expect(() => cancelLetter(cancelled, 'Encore', clerk, new Date('2027-03-03T09:00:00Z'))).toThrow(InvalidStateError);
  });
});

describe('lookup codes', () => {
  it('are four groups of five characters of the unambiguous alphabet', () => {
    expect(code).toBe('01234-56789-ABCDE-FGHJK');
    expect(code).toMatch(LOOKUP_CODE);
  });

  it('match their digest, in either case', () => {
    expect(lookupCodeMatches(code, lookupCodeDigest(code))).toBe(true);
    expect(lookupCodeMatches(code.toLowerCase(), lookupCodeDigest(code))).toBe(true);
  });

  it('do not match another digest, nor the absence of a letter', () => {
    expect(lookupCodeMatches(code, lookupCodeDigest('ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ'))).toBe(false);
    expect(lookupCodeMatches(code, undefined)).toBe(false);
  });
});

describe('routing, redirecting, answering and closing', () => {
  const at = new Date('2027-03-02T09:00:00Z');
  const agent = { sub: 'agent-voirie', role: 'agent' } as const;
  const { letter: registered } = registerLetter(letter, { format: DEFAULT_NUMBER_FORMAT, sequence: 9 }, citizen, new Date('2027-03-01T09:00:00Z'));
  const routed = routeLetter(registered, 'voirie', [{ mode: 'copy', sub: 'agent-dgs' }, { mode: 'recipient', sub: 'agent-voirie' }, { mode: 'approval', sub: 'agent-dgs' }], clerk, at);

  it('routes a registered letter to its service, its one recipient first, each person once', () => {
    expect(routed.letter).toMatchObject({ status: 'assigned', version: 2, routing: { service: 'voirie', routedAt: at.toISOString() } });
    expect(routed.letter.routing!.diffusion).toEqual([{ mode: 'recipient', sub: 'agent-voirie' }, { mode: 'copy', sub: 'agent-dgs' }]);
    expect(routed.event).toMatchObject({ type: 'routed', statusBefore: 'registered', statusAfter: 'assigned', details: { service: 'voirie', recipient: 'agent-voirie' } });
  });

  it('refuses a diffusion list without exactly one recipient', () => {
    expect(() => routeLetter(registered, 'voirie', [{ mode: 'copy', sub: 'agent-dgs' }], clerk, at)).toThrow(ValidationFailedError);
    expect(() => routeLetter(registered, 'voirie', [{ mode: 'recipient', sub: 'a' }, { mode: 'recipient', sub: 'b' }], clerk, at)).toThrow(ValidationFailedError);
  });

  it('keeps the previous recipient as a copy when the letter is redirected', () => {
    const { letter: redirected, event } = redirectLetter(routed.letter, { service: 'urbanisme', recipient: 'agent-urbanisme' }, agent, at);

    expect(redirected.status).toBe('assigned');
    expect(redirected.routing).toMatchObject({ service: 'urbanisme' });
    expect(redirected.routing!.diffusion).toEqual([
      { mode: 'recipient', sub: 'agent-urbanisme' },
      { mode: 'copy', sub: 'agent-voirie' },
      { mode: 'copy', sub: 'agent-dgs' },
    ]);
    expect(event).toMatchObject({ type: 'redirected', details: { from: { service: 'voirie', recipient: 'agent-voirie' }, to: { service: 'urbanisme', recipient: 'agent-urbanisme' } } });
  });

  it('lists a person once when the letter comes back to them', () => {
    const there = redirectLetter(routed.letter, { service: 'urbanisme', recipient: 'agent-urbanisme' }, agent, at).letter;
    const back = redirectLetter(there, { service: 'voirie', recipient: 'agent-voirie' }, agent, at).letter;

    expect(back.routing!.diffusion).toEqual([
      { mode: 'recipient', sub: 'agent-voirie' },
      { mode: 'copy', sub: 'agent-urbanisme' },
      { mode: 'copy', sub: 'agent-dgs' },
    ]);
  });

  it('records the outgoing letter that answers it, then closes it', () => {
    const outgoing = registerLetter(
      { ...letter, id: 'answer-1', register: 'outgoing', channel: 'post', answers: { letterId: registered.id, number: registered.number } },
      { format: DEFAULT_NUMBER_FORMAT, sequence: 4 },
      agent,
      at,
    ).letter;

    const answered = answerLetter(routed.letter, outgoing, agent, at).letter;
    const closed = closeLetter(answered, 'Classé', agent, at).letter;

    expect(outgoing.number).toBe('2027/D/000004');
    expect(answered).toMatchObject({ status: 'answered', answer: { letterId: 'answer-1', number: '2027/D/000004', by: agent } });
    expect(closed).toMatchObject({ status: 'closed', closure: { note: 'Classé', by: agent }, version: 4 });
  });

  it('refuses to answer a letter that is not assigned, to redirect or cancel an answered one', () => {
    const outgoing = { ...registered, id: 'answer-2', number: '2027/D/000005' };
    const answered = answerLetter(routed.letter, outgoing, agent, at).letter;

    expect(() => answerLetter(registered, outgoing, agent, at)).toThrow(InvalidStateError);
    expect(() => redirectLetter(answered, { service: 'x1', recipient: 'y' }, agent, at)).toThrow(InvalidStateError);
    expect(() => cancelLetter(answered, 'Trop tard', clerk, at)).toThrow(InvalidStateError);
  });
});

describe('classifying a letter, and handing it over', () => {
  const at = new Date('2027-03-02T09:00:00Z');
  const { letter: lodged } = registerLetter(letter, { format: DEFAULT_NUMBER_FORMAT, sequence: 12 }, citizen, new Date('2027-03-01T09:15:42Z'));

  it('hands a complaint over with its receipt instant, its subject and who lodged it, recording it in the history', () => {
    const { letter: classified, event, outbox } = classifyLetter(lodged, { category: 'complaint', confidentiality: 'normal' }, clerk, at);

    expect(classified.category).toBe('complaint');
    expect(outbox).toEqual([
      expect.objectContaining({
        type: LETTER_CLASSIFIED,
        occurredAt: at.toISOString(),
        data: { dataVersion: 2, letterId: lodged.id, commune: 'rabat', number: lodged.number, category: 'complaint', receivedAt: lodged.receivedAt, subject: lodged.subject, lodgedBy: citizen.sub },
      }),
    ]);
    expect(event).toMatchObject({ type: 'classified', details: { categoryBefore: null, category: 'complaint', handedOver: { event: LETTER_CLASSIFIED, eventId: outbox![0]!.id, receivedAt: lodged.receivedAt } } });
  });

  it('hands over nothing for a category the registry office keeps', () => {
    expect(classifyLetter(lodged, { category: 'request', confidentiality: 'confidential' }, clerk, at).outbox).toBeUndefined();
  });

  it('hands over a letter registered as an access-to-information request at once', () => {
    const { outbox, event } = registerLetter({ ...letter, category: 'access-to-information' }, { format: DEFAULT_NUMBER_FORMAT, sequence: 13 }, clerk, at);

    expect(outbox?.map((handed) => handed.type)).toEqual(['letter.registered', LETTER_CLASSIFIED]);
    expect(event.details).toMatchObject({ handedOver: { category: 'access-to-information' } });
  });

  it('does not hand over twice a letter kept in its category', () => {
    const complaint = classifyLetter(lodged, { category: 'complaint', confidentiality: 'normal' }, clerk, at).letter;

    expect(classifyLetter(complaint, { category: 'complaint', confidentiality: 'confidential' }, clerk, at).outbox).toBeUndefined();
  });
});
