// Civil-status acts on DynamoDB Local: the claims on legacy references and civil identifiers under races, and
// the name index found from spellings in both scripts.
import { idFromIdempotencyKey } from '../../functions/shared/http/idempotency-ids.ts';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { VirtualClock } from '../../lib/local/virtual-clock.ts';
import type { LocalStreams } from '../../lib/local/local-streams.ts';
import { actRegistrationConsumer } from './civil-status-consumers.ts';
import { civilStatusService } from '../../functions/civil-status/civil-status.service.ts';
import { ActClaimTakenError, DynamoDbCivilStatusRepository } from '../../functions/civil-status/adapters/dynamodb-civil-status.repository.ts';
import { civilActHistory, recordActRegistration, registerCivilAct, searchCivilActs, type CivilStatusDependencies } from '../../functions/civil-status/application/civil-status.use-cases.ts';
import type { ActRegistered } from '../../functions/civil-status/domain/act-events.ts';
import type { DomainEvent } from '../../functions/shared/events/domain-event.ts';
import { IdempotencyKeyReusedError } from '../../functions/shared/errors/domain-errors.ts';
import { newCivilId } from '../../functions/civil-status/domain/civil-identifier.ts';
import type { Principal } from '../../functions/shared/auth/principal.ts';
import { followStreams, freshTables, localDocumentClient, outboxEventsAbout } from './local-aws.ts';

const registrar: Principal = { sub: 'registrar-1', roles: ['registrar'], office: 'FES-AGDAL' };
const now = new Date('2026-12-01T10:00:00Z');
let repository: DynamoDbCivilStatusRepository;
let table: string;
let clock: VirtualClock;
let streams: LocalStreams;

function dependencies(civilIds: () => string): CivilStatusDependencies {
  return {
    repository,
    newActId: () => randomUUID(),
    newCivilId: civilIds,
    newNoteId: () => randomUUID(),
    isCivilIdTaken: (error) => error instanceof ActClaimTakenError && error.taken === 'civil-id',
    isLegacyReferenceTaken: (error) => error instanceof ActClaimTakenError && error.taken === 'legacy-reference',
    isActTaken: (error) => error instanceof ActClaimTakenError && error.taken === 'act',
    actIdFor: idFromIdempotencyKey,
    releaseLegacyClaim: (act) => repository.releaseLegacyClaim(act),
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
    table = names['civil-status']!;
    repository = new DynamoDbCivilStatusRepository(localDocumentClient(), table);
    // The first action and the search entries follow each registration through the table's stream, as in AWS.
    clock = new VirtualClock(now);
    streams = followStreams(clock, names, [actRegistrationConsumer(repository)]);
  });

  afterAll(async () => {
    await streams.stop();
    clock.dispose();
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
    await clock.quiescent();

    const fromArabic = await searchCivilActs(repository, { name: 'عبد القادر الوزاني', limit: 10 });
    const fromLatin = await searchCivilActs(repository, { name: 'Aicha Chaoui', limit: 10 });

    expect(fromArabic[0]?.actId).toBe(latin.id);
    expect(fromLatin[0]?.actId).toBe(arabic.id);
  });

  it('writes the claims and the act only; the first action and the search entries follow from its event, once', async () => {
    const act = await registerCivilAct(dependencies(randomIds), birth(6, { latin: 'Karim' }, { latin: 'Berrada' }), registrar, now);
    const stored = async () =>
      ((await localDocumentClient().send(new QueryCommand({ TableName: table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `ACT#${act.id}` } }))).Items ?? []).map((item) => String(item.sk));

    expect(await stored()).toEqual(['ACT']);
    expect((await civilActHistory(repository, act.id, registrar, { limit: 10 })).items).toEqual([{ type: 'registered', at: act.registeredAt, by: registrar.sub, version: 1 }]);
    await clock.quiescent();
    expect(await stored()).toEqual(['ACT', 'ACTION#000001', 'SEARCH#brd#krm']);
    const [registered] = (await outboxEventsAbout(table, act.id)) as DomainEvent<ActRegistered>[];
    await recordActRegistration(repository, registered!);
    expect((await civilActHistory(repository, act.id, registrar, { limit: 10 })).items.map((action) => action.version)).toEqual([1]);
  });

  it('answers a retry under the same Idempotency-Key, and twenty at once, with the first act; the key for another act is refused', async () => {
    const keyed = birth(7, { latin: 'Nadia' }, { latin: 'Sqalli' });
    const first = await registerCivilAct(dependencies(randomIds), keyed, registrar, now, 'key-7');
    expect(await registerCivilAct(dependencies(randomIds), keyed, registrar, now, 'key-7')).toEqual(first);

    const racing = await Promise.all(Array.from({ length: 20 }, () => registerCivilAct(dependencies(randomIds), birth(8, { latin: 'Omar' }, { latin: 'Kettani' }), registrar, now, 'key-8')));
    expect(new Set(racing.map((act) => act.id)).size).toBe(1);
    expect(racing.every((act) => act.person.civilId === racing[0]!.person.civilId)).toBe(true);

    const other = birth(9, { latin: 'Nadia' }, { latin: 'Sqalli' });
    await expect(registerCivilAct(dependencies(randomIds), other, registrar, now, 'key-7')).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
    // The refused attempt gave its legacy reference back: another registration takes it.
    expect((await registerCivilAct(dependencies(randomIds), other, registrar, now)).legacy.number).toBe(9);
  });

  it('takes over a legacy reference whose registration stopped before its act, once the claim is a minute old', async () => {
    const legacy = birth(10, { latin: 'Samir' }, { latin: 'Lahlou' }).legacy;
    const claim = (claimedAt: string) => localDocumentClient().send(new PutCommand({ TableName: table, Item: { pk: `LEGACY#${legacy.office}#${legacy.year}#${legacy.register}#${legacy.number}`, sk: 'LEGACY', actId: 'never-written', claimedAt } }));

    await claim(new Date(now.getTime() - 30_000).toISOString());
    await expect(registerCivilAct(dependencies(randomIds), birth(10, { latin: 'Samir' }, { latin: 'Lahlou' }), registrar, now)).rejects.toMatchObject({ taken: 'legacy-reference' });
    await claim(new Date(now.getTime() - 61_000).toISOString());
    const act = await registerCivilAct(dependencies(randomIds), birth(10, { latin: 'Samir' }, { latin: 'Lahlou' }), registrar, now);
    expect(await repository.actIdOfLegacy(legacy)).toBe(act.id);
  });
});
