// Civil-status acts on DynamoDB Local: the claims on legacy references and civil identifiers under races, and
// the name index found from spellings in both scripts.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { civilStatusService } from '../../functions/civil-status/civil-status.service.ts';
import { ActClaimTakenError, DynamoDbCivilStatusRepository } from '../../functions/civil-status/adapters/dynamodb-civil-status.repository.ts';
import { registerCivilAct, searchCivilActs, type CivilStatusDependencies } from '../../functions/civil-status/application/civil-status.use-cases.ts';
import { newCivilId } from '../../functions/civil-status/domain/civil-identifier.ts';
import type { Principal } from '../../functions/shared/auth/principal.ts';
import { freshTables, localDocumentClient } from './local-aws.ts';

const registrar: Principal = { sub: 'registrar-1', roles: ['registrar'], office: 'FES-AGDAL' };
const now = new Date('2026-12-01T10:00:00Z');
let repository: DynamoDbCivilStatusRepository;

function dependencies(civilIds: () => string): CivilStatusDependencies {
  return {
    repository,
    newActId: () => randomUUID(),
    newCivilId: civilIds,
    newNoteId: () => randomUUID(),
    isCivilIdTaken: (error) => error instanceof ActClaimTakenError && error.taken === 'civil-id',
    isLegacyReferenceTaken: (error) => error instanceof ActClaimTakenError && error.taken === 'legacy-reference',
  };
}

const randomIds = () => newCivilId(() => Math.floor(Math.random() * 10));

function birth(number: number, givenName: { ar?: string; latin?: string }, familyName: { ar?: string; latin?: string }) {
  return {
    type: 'birth' as const,
    legacy: { office: 'FES-AGDAL', year: 1985, register: 'R-1', number },
    person: { givenName, familyName, sex: 'M' as const, birthDate: '1985-05-05', birthPlace: { latin: 'Fès' } },
  };
}

describe('civil-status acts on DynamoDB Local', () => {
  beforeAll(async () => {
    const names = await freshTables(civilStatusService.tables ?? []);
    repository = new DynamoDbCivilStatusRepository(localDocumentClient(), names['civil-status']!);
  });

  it('gives a legacy reference to exactly one of two racing registrations', async () => {
    const outcomes = await Promise.allSettled([
      registerCivilAct(dependencies(randomIds), birth(1, { latin: 'Youssef' }, { latin: 'Tazi' }), registrar, now),
      registerCivilAct(dependencies(randomIds), birth(1, { latin: 'Yousef' }, { latin: 'Tazi' }), registrar, now),
    ]);

    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ taken: 'legacy-reference' });
  });

  it('draws another civil identifier when the first is already given', async () => {
    const taken = randomIds();
    await registerCivilAct(dependencies(() => taken), birth(2, { latin: 'Hassan' }, { latin: 'Fassi' }), registrar, now);
    const draws = [taken, randomIds()];

    const act = await registerCivilAct(dependencies(() => draws.shift()!), birth(3, { latin: 'Hasan' }, { latin: 'Fassi' }), registrar, now);

    expect(act.person.civilId).not.toBe(taken);
    expect((await repository.getByCivilId(taken))?.legacy.number).toBe(2);
  });

  it('finds an act typed in Latin script from its Arabic spelling, and the reverse', async () => {
    const latin = await registerCivilAct(dependencies(randomIds), birth(4, { latin: 'Abdelkader' }, { latin: 'Ouazzani' }), registrar, now);
    const arabic = await registerCivilAct(dependencies(randomIds), birth(5, { ar: 'عائشة' }, { ar: 'الشاوي' }), registrar, now);

    const fromArabic = await searchCivilActs(repository, { name: 'عبد القادر الوزاني', limit: 10 });
    const fromLatin = await searchCivilActs(repository, { name: 'Aicha Chaoui', limit: 10 });

    expect(fromArabic[0]?.actId).toBe(latin.id);
    expect(fromLatin[0]?.actId).toBe(arabic.id);
  });
});
