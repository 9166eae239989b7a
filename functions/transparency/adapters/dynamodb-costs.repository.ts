// The transparency table as the reproduction costs use it: requests as everywhere, each commune's tariff (its item,
// and one item per version kept beside it, written together), and the commune from reference data, each read in one
// request.
import { withoutKeys } from '../../shared/aws/items.ts';
import { batchGetEvery } from '../../shared/aws/batch-get.ts';
import { pagedPrefixQuery } from '../../shared/aws/paged-query.ts';
import { transactWrite } from '../../shared/aws/transact-write.ts';
import { ConflictError } from '../../shared/errors/domain-errors.ts';
import type { Page, PageRequest } from '../../shared/http/pagination.ts';
import { readReferenceSnapshot, referenceKeysFor } from '../../reference-data/public.ts';
import type { CostsRepository } from '../application/reproduction-costs.use-cases.ts';
import type { InformationRequest } from '../domain/information-request.ts';
import { defaultTariff, type Tariff } from '../domain/reproduction-costs.ts';
import { DynamoDbTransparencyRepository } from './dynamodb-transparency.repository.ts';
import { REQUEST_INDEX_ATTRIBUTES, transparencyKeys } from './transparency-keys.ts';
import { tariffKeys } from './request-delivery-keys.ts';

export class DynamoDbCostsRepository extends DynamoDbTransparencyRepository implements CostsRepository {
  async tariffSnapshot(commune: string): Promise<{ communeExists: boolean; tariff: Tariff }> {
    const reference = { commune, years: [] };
    const found = await batchGetEvery(this.client, {
      [this.table]: { Keys: [tariffKeys.current(commune)], ConsistentRead: true },
      [this.referenceTableName()]: { Keys: referenceKeysFor(reference) },
    });
    const stored = found[this.table]?.[0];
    return { communeExists: readReferenceSnapshot(found[this.referenceTableName()] ?? [], reference).commune !== undefined, tariff: stored ? withoutKeys<Tariff>(stored) : defaultTariff(commune) };
  }

  async requestWithTariff(id: string, commune: string): Promise<{ request?: InformationRequest; tariff: Tariff }> {
    const requestKey = transparencyKeys.request(id);
    const found = await batchGetEvery(this.client, { [this.table]: { Keys: [requestKey, ...(commune ? [tariffKeys.current(commune)] : [])], ConsistentRead: true } });
    const items = found[this.table] ?? [];
    const request = items.find((item) => item.pk === requestKey.pk);
    const tariff = items.find((item) => item.sk === 'TARIFF');
    return { ...(request && { request: withoutKeys<InformationRequest>(request, REQUEST_INDEX_ATTRIBUTES) }), tariff: tariff ? withoutKeys<Tariff>(tariff) : defaultTariff(commune) };
  }

  saveTariff(tariff: Tariff): Promise<void> {
    const first = tariff.version === 1;
    return transactWrite(
      this.client,
      [
        {
          Put: {
            TableName: this.table,
            Item: { ...tariffKeys.current(tariff.commune), ...tariff },
            ConditionExpression: first ? 'attribute_not_exists(pk)' : 'version = :previous',
            ...(!first && { ExpressionAttributeValues: { ':previous': tariff.version - 1 } }),
          },
        },
        { Put: { TableName: this.table, Item: { ...tariffKeys.version(tariff.commune, tariff.version), ...tariff }, ConditionExpression: 'attribute_not_exists(pk)' } },
      ],
      (cause) =>
        new ConflictError(
          {
            ar: `غيّر مسير آخر تعريفة ${tariff.commune} في اللحظة نفسها؛ أعيدوا تحميلها ثم حاولوا مجددا`,
            fr: `Un autre administrateur a modifié le tarif de ${tariff.commune} au même moment ; rechargez-le puis réessayez`,
            en: `Another administrator changed the tariff of ${tariff.commune} at the same moment; reload it and try again`,
          },
          { cause },
        ),
    );
  }

  tariffHistory(commune: string, page: PageRequest): Promise<Page<Tariff>> {
    const { pk, skPrefix } = tariffKeys.history(commune);
    return pagedPrefixQuery(this.client, { table: this.table, pk, skPrefix, page, descending: true }, (item) => withoutKeys<Tariff>(item));
  }
}
