// The annual figures on DynamoDB Local: each counted change's event, taken from the outbox as the stream carries it,
// is added to its commune's counters once (a redelivery adds nothing), and the public figures read them whole.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../functions/shared/auth/principal.ts';
import { DynamoDbRequestFiguresRepository } from '../../functions/transparency/adapters/dynamodb-request-figures.repository.ts';
import { DynamoDbTransparencyRepository } from '../../functions/transparency/adapters/dynamodb-transparency.repository.ts';
import { transparencyIdentifiers } from '../../functions/transparency/adapters/transparency-identifiers.ts';
import { answer } from '../../functions/transparency/application/change-request.use-cases.ts';
import { fileRequest, type AskedInformation } from '../../functions/transparency/application/open-request.use-cases.ts';
import { countRequestEvent, requestFigures } from '../../functions/transparency/application/request-figures.use-cases.ts';
import { REQUEST_COUNTED } from '../../functions/transparency/domain/request-figures.ts';
import { transparencyService } from '../../functions/transparency/transparency.service.ts';
import { freshTablesWithReferenceData, localDocumentClient, outboxEventsAbout } from './local-aws.ts';

const citizen: Principal = { sub: 'citizen-1', roles: ['citizen'] };
const agent: Principal = { sub: 'agent-rabat', roles: ['agent'], commune: 'rabat' };
// Monday 15 June 2026; answered Thursday 18 June, the Hijri New Year (16 June in the demo holidays) skipped: 2 working days.
const now = new Date('2026-06-15T09:00:00Z');
const answeredAt = new Date('2026-06-18T09:00:00Z');
const asked: AskedInformation = {
  commune: 'rabat',
  requester: { name: 'Salma El Alaoui', address: '12, rue Oued Ziz, Rabat', identityDocument: { kind: 'cnie', number: 'AB123456' } },
  information: 'Le budget 2026',
  format: 'electronic',
};

let requests: DynamoDbTransparencyRepository;
let figures: DynamoDbRequestFiguresRepository;
let table: string;

describe('annual figures on DynamoDB Local', () => {
  beforeAll(async () => {
    const names = await freshTablesWithReferenceData(transparencyService.tables ?? []);
    table = names.transparency!;
    requests = new DynamoDbTransparencyRepository(localDocumentClient(), table, () => names.reference!);
    figures = new DynamoDbRequestFiguresRepository(localDocumentClient(), table, () => names.reference!);
  });

  it('add each counted change once and publish the counts, the mean and the median', async () => {
    const first = await fileRequest({ repository: requests, identifiers: transparencyIdentifiers }, asked, citizen, { now, idempotencyKey: 'figures-1' });
    const second = await fileRequest({ repository: requests, identifiers: transparencyIdentifiers }, asked, citizen, { now, idempotencyKey: 'figures-2' });
    await answer(requests, first.id, { outcome: 'refused', grounds: [{ ground: 'not-held', reason: 'Non détenu' }] }, agent, answeredAt);

    const counted = [...(await outboxEventsAbout(table, first.id)), ...(await outboxEventsAbout(table, second.id))].filter((event) => event.type === REQUEST_COUNTED);
    expect(counted).toHaveLength(3);
    for (const event of [...counted, ...counted]) await countRequestEvent(figures, event);

    expect(await requestFigures(figures, 'rabat', 2026)).toMatchObject({
      requests: 2,
      answers: { full: 0, partial: 0, refused: 1, total: 1 },
      workingDaysToAnswer: { mean: 2, median: 2 },
      groundsNamed: { 'not-held': 1 },
      implicitRefusals: 0,
    });
    expect(await requestFigures(figures, 'rabat', 2025)).toMatchObject({ requests: 0, workingDaysToAnswer: { mean: null } });
    await expect(requestFigures(figures, 'atlantis', 2026)).rejects.toMatchObject({ code: 'not-found' });
  });
});
