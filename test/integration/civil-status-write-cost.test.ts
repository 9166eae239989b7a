// What registering an act costs in write capacity on DynamoDB Local, indexes included (issue 10, item 16):
// a birth act with names in both scripts and both parents, as most registrations are, stays within 10 WCU.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbMeter, emptyUsage } from '../../bench/core/dynamodb-meter.ts';
import { ActClaimTakenError, DynamoDbCivilStatusRepository } from '../../functions/civil-status/adapters/dynamodb-civil-status.repository.ts';
import { registerCivilAct } from '../../functions/civil-status/application/civil-status.use-cases.ts';
import { civilStatusService } from '../../functions/civil-status/civil-status.service.ts';
import { newCivilId } from '../../functions/civil-status/domain/civil-identifier.ts';
import { freshTables, localDocumentClient, localDynamoDb } from './local-aws.ts';

const WCU_PER_REGISTRATION = 10;
const meter = new DynamoDbMeter();
let repository: DynamoDbCivilStatusRepository;

describe('the write cost of an act registration', () => {
  beforeAll(async () => {
    const names = await freshTables(civilStatusService.tables ?? []);
    const client = localDynamoDb();
    meter.attach(client);
    repository = new DynamoDbCivilStatusRepository(localDocumentClient(client), names['civil-status']!);
  });

  it(`stays within ${WCU_PER_REGISTRATION} WCU, the indexes' writes included`, async () => {
    const usage = emptyUsage();
    await meter.measure(usage, () =>
      registerCivilAct(
        {
          repository,
          newActId: () => randomUUID(),
          newCivilId: () => newCivilId(() => Math.floor(Math.random() * 10)),
          newNoteId: () => randomUUID(),
          isCivilIdTaken: (error) => error instanceof ActClaimTakenError && error.taken === 'civil-id',
          isLegacyReferenceTaken: () => false,
        },
        {
          type: 'birth',
          legacy: { office: 'RBT-HASSAN', year: 1990, register: 'R-12', number: 341 },
          person: {
            givenName: { ar: 'مُحَمَّد أمين', latin: 'Mohammed Amine' },
            familyName: { ar: 'بناني', latin: 'Bennani' },
            sex: 'M',
            birthDate: '1990-03-14',
            birthPlace: { ar: 'الرباط', latin: 'Rabat' },
            father: { givenName: { ar: 'أحمد', latin: 'Ahmed' }, familyName: { ar: 'بناني', latin: 'Bennani' } },
            mother: { givenName: { ar: 'خديجة', latin: 'Khadija' }, familyName: { ar: 'العلوي', latin: 'Alaoui' } },
          },
        },
        { sub: 'registrar-1', roles: ['registrar'], office: 'RBT-HASSAN' },
        new Date('2026-12-01T10:00:00Z'),
      ),
    );
    expect(usage.writeCapacityUnits).toBeLessThanOrEqual(WCU_PER_REGISTRATION);
  });
});
