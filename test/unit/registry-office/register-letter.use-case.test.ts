// Registering a letter with in-memory ports: a number another registration took is tried again, a register that
// stays contended ends in `register-busy` with nothing written, and a key reused for another letter is refused.
import { describe, expect, it, vi } from 'vitest';
import { NUMBERING_ATTEMPTS } from '../../../functions/registry-office/application/numbering.ts';
import { registerIncomingLetter, type LetterRequest } from '../../../functions/registry-office/application/register-letter.use-case.ts';
import type { CreateOutcome, RegistryOfficeDependencies, RegistryOfficeRepository } from '../../../functions/registry-office/application/registry-office.ports.ts';
import type { Letter } from '../../../functions/registry-office/domain/letter.ts';
import { defaultSettings } from '../../../functions/registry-office/domain/registry-settings.ts';
import { RegisterBusyError } from '../../../functions/registry-office/domain/registry-office-errors.ts';
import { IdempotencyKeyReusedError } from '../../../functions/shared/errors/domain-errors.ts';

const clerk = { sub: 'clerk-1', role: 'clerk' } as const;
const now = new Date('2026-06-15T09:00:00Z');
const request: LetterRequest = {
  commune: 'rabat',
  register: 'incoming',
  channel: 'counter',
  sender: { name: 'Amina El Idrissi' },
  subject: 'Demande de certificat',
  category: 'request',
  confidentiality: 'normal',
  priority: 'normal',
};

function dependenciesWith(outcomes: CreateOutcome[], stored?: Letter): { dependencies: RegistryOfficeDependencies; created: Letter[] } {
  const created: Letter[] = [];
  let last = 0;
  const repository = {
    loadRegistration: vi.fn(async () => ({ communeExists: true, settings: defaultSettings('rabat'), lastSequence: last, holidays: new Set<string>() })),
    create: vi.fn(async ({ letter }) => {
      const outcome = outcomes.shift() ?? 'created';
      // Someone else took the number the use case read.
      if (outcome === 'sequence-taken') last += 1;
      if (outcome === 'created') created.push(letter);
      return outcome;
    }),
    get: vi.fn(async () => stored),
  } as Partial<RegistryOfficeRepository> as RegistryOfficeRepository;
  const identifiers = { newLetterId: () => 'letter-1', letterIdFor: () => 'letter-1', newLookupCode: () => '01234-56789-ABCDE-FGHJK' };
  return { dependencies: { repository, identifiers, pauseBeforeRetry: async () => {} }, created };
}

describe('registering a letter', () => {
  it('takes the next number again when another registration took it first', async () => {
    const { dependencies, created } = dependenciesWith(['sequence-taken', 'sequence-taken', 'created']);

    const { letter } = await registerIncomingLetter(dependencies, request, clerk, { now });

    expect(letter.sequence).toBe(3);
    expect(created).toHaveLength(1);
  });

  it('tells the caller the register is busy when every attempt lost the number, having written nothing', async () => {
    const { dependencies, created } = dependenciesWith(Array.from({ length: NUMBERING_ATTEMPTS }, () => 'sequence-taken'));

    await expect(registerIncomingLetter(dependencies, request, clerk, { now })).rejects.toThrow(RegisterBusyError);
    expect(created).toEqual([]);
  });

  it('refuses an Idempotency-Key that registered another letter', async () => {
    const { dependencies: first } = dependenciesWith([]);
    const { letter: earlier } = await registerIncomingLetter(first, { ...request, subject: 'Autre objet' }, clerk, { now, idempotencyKey: 'key-00001' });
    const { dependencies } = dependenciesWith(['letter-exists'], earlier);

    await expect(registerIncomingLetter(dependencies, request, clerk, { now, idempotencyKey: 'key-00001' })).rejects.toThrow(IdempotencyKeyReusedError);
  });
});
