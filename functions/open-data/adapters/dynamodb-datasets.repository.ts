// DynamoDB adapter of the datasets: each dataset one item, changed over the version it was read at together with
// the events of its outbox; the published ones copied whole into the commune's catalogue index.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { withoutKeys } from '../../shared/aws/items.ts';
import { queryEveryPage } from '../../shared/aws/paged-query.ts';
import { transactWrite } from '../../shared/aws/transact-write.ts';
import { ConflictError } from '../../shared/errors/domain-errors.ts';
import type { DomainEvent } from '../../shared/events/domain-event.ts';
import { outboxPut } from '../../shared/events/outbox.ts';
import type { BilingualName } from '../../shared/i18n/language.ts';
import { loadReferenceSnapshot } from '../../reference-data/public-reader.ts';
import type { DatasetRepository } from '../application/open-data.ports.ts';
import type { Dataset } from '../domain/dataset.ts';
import { DATASET_INDEX_ATTRIBUTES, OPEN_DATA_INDEXES, OPEN_DATA_TABLE, datasetIndexAttributes, datasetKeys } from './open-data-keys.ts';

export class DynamoDbDatasetRepository implements DatasetRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly table: string,
    /** Read on first use: a function that never reads a commune's names is not given the reference table. */
    private readonly referenceTableName: () => string,
  ) {}

  async createDataset(dataset: Dataset): Promise<'created' | 'exists'> {
    try {
      await this.client.send(new PutCommand({ TableName: this.table, Item: this.itemOf(dataset), ConditionExpression: 'attribute_not_exists(pk)' }));
      return 'created';
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return 'exists';
      throw error;
    }
  }

  async getDataset(id: string): Promise<Dataset | undefined> {
    const output = await this.client.send(new GetCommand({ TableName: this.table, Key: datasetKeys.dataset(id), ConsistentRead: true }));
    return output.Item ? withoutKeys<Dataset>(output.Item, DATASET_INDEX_ATTRIBUTES) : undefined;
  }

  saveDataset(dataset: Dataset, outbox: readonly DomainEvent[]): Promise<void> {
    return transactWrite(
      this.client,
      [
        { Put: { TableName: this.table, Item: this.itemOf(dataset), ConditionExpression: 'version = :previous', ExpressionAttributeValues: { ':previous': dataset.version - 1 } } },
        ...outbox.map((domainEvent) => outboxPut(OPEN_DATA_TABLE, this.table, domainEvent)),
      ],
      (cancellation) =>
        new ConflictError(
          {
            ar: `غيّر شخص آخر مجموعة البيانات ${dataset.id} في اللحظة نفسها`,
            fr: `Le jeu de données ${dataset.id} a été modifié par quelqu'un d'autre au même moment`,
            en: `Dataset ${dataset.id} was changed by someone else at the same moment`,
          },
          { cause: cancellation },
        ),
    );
  }

  /** Every page: the catalogue is all of them. */
  async publishedDatasets(commune: string): Promise<Dataset[]> {
    const index = OPEN_DATA_INDEXES.byCatalogue;
    const items = await queryEveryPage(this.client, {
      TableName: this.table,
      IndexName: index.name,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': index.partitionKey },
      ExpressionAttributeValues: { ':pk': datasetKeys.catalogue(commune) },
    });
    return items.map((item) => withoutKeys<Dataset>(item, DATASET_INDEX_ATTRIBUTES));
  }

  async communeNames(commune: string): Promise<BilingualName | undefined> {
    return (await loadReferenceSnapshot(this.client, this.referenceTableName(), { commune, years: [] })).commune?.names;
  }

  private itemOf(dataset: Dataset): Record<string, unknown> {
    return { ...datasetKeys.dataset(dataset.id), ...datasetIndexAttributes(dataset), ...dataset };
  }
}
