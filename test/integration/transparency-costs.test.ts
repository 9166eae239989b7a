// The reproduction costs on DynamoDB Local: a commune's tariff keeps every version beside the one in force and two
// administrators setting it at once end with one version; an agent's statement reads the request and the tariff in
// one request; the requester's payment through the payment port releases the delivery.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../functions/shared/auth/principal.ts';
import { immediatePayments } from '../../functions/shared/payments/payment-provider.ts';
import { DynamoDbCostsRepository } from '../../functions/transparency/adapters/dynamodb-costs.repository.ts';
import { transparencyIdentifiers } from '../../functions/transparency/adapters/transparency-identifiers.ts';
import { fileRequest, type AskedInformation } from '../../functions/transparency/application/open-request.use-cases.ts';
import { payDeliveryCosts, readTariff, setTariff, stateDeliveryCosts, tariffHistory } from '../../functions/transparency/application/reproduction-costs.use-cases.ts';
import { transparencyService } from '../../functions/transparency/transparency.service.ts';
import { freshTablesWithReferenceData, localDocumentClient } from './local-aws.ts';
import { readsTogether } from './reads-together.ts';

const citizen: Principal = { sub: 'citizen-1', roles: ['citizen'] };
const agent: Principal = { sub: 'agent-rabat', roles: ['agent'], commune: 'rabat' };
const admin: Principal = { sub: 'admin-1', roles: ['admin'] };
const now = new Date('2026-06-15T09:00:00Z');
const asked: AskedInformation = {
  commune: 'rabat',
  requester: { name: 'Salma El Alaoui', address: '12, rue Oued Ziz, Rabat', identityDocument: { kind: 'cnie', number: 'AB123456' } },
  information: 'Le budget 2026',
  format: 'paper-copy',
};
const prices = { perPaperPage: 50, perMedium: 2000, sending: { post: 1500, email: 0 } };

let repository: DynamoDbCostsRepository;

describe('reproduction costs on DynamoDB Local', () => {
  beforeAll(async () => {
    const names = await freshTablesWithReferenceData(transparencyService.tables ?? []);
    repository = new DynamoDbCostsRepository(localDocumentClient(), names.transparency!, () => names.reference!);
  });

  it('keeps each version of a tariff, the defaults at 0, and ends a race with one version', async () => {
    expect(await readTariff(repository, 'rabat')).toMatchObject({ version: 0, perPaperPage: 0 });
    await expect(readTariff(repository, 'atlantis')).rejects.toMatchObject({ code: 'not-found' });

    const racing = readsTogether(repository, 'tariffSnapshot', 2);
    const outcomes = await Promise.allSettled([setTariff(racing, 'rabat', prices, admin, now), setTariff(racing, 'rabat', { ...prices, perPaperPage: 100 }, admin, now)]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    await setTariff(repository, 'rabat', prices, admin, now);

    expect((await readTariff(repository, 'rabat')).version).toBe(2);
    expect((await tariffHistory(repository, 'rabat', admin, { limit: 10 })).items.map((tariff) => tariff.version)).toEqual([2, 1]);
  });

  it("states the delivery's costs from the tariff in force, and delivers once the requester paid", async () => {
    const request = await fileRequest({ repository, identifiers: transparencyIdentifiers }, asked, citizen, { now, idempotencyKey: 'costs-1' });
    const stated = await stateDeliveryCosts(repository, request.id, { paperPages: 12, media: 0, sending: 'post' }, agent, now);
    expect(stated.costs).toMatchObject({ total: { amount: 2100 }, tariffVersion: 2, status: 'due' });
    await expect(stateDeliveryCosts(repository, request.id, { paperPages: 1, media: 0, sending: 'none' }, { ...agent, commune: 'fes' }, now)).rejects.toMatchObject({ code: 'forbidden' });

    const paid = await payDeliveryCosts(repository, immediatePayments, request.id, citizen, now);
    expect(paid.costs).toMatchObject({ status: 'paid', payment: { paymentId: expect.stringMatching(/^PAY-/) } });
    expect((await repository.history(request.id, { limit: 10 })).items.map((event) => event.type)).toEqual(['received', 'costs-stated', 'costs-paid']);
  });
});
