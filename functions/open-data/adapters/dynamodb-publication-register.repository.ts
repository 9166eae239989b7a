// DynamoDB adapter of the publication register: one item per commune and category, the commune's in one partition.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { withoutKeys } from '../../shared/aws/items.ts';
import { queryEveryPage } from '../../shared/aws/paged-query.ts';
import { putNextVersion } from '../../shared/aws/versioned-put.ts';
import { ConflictError } from '../../shared/errors/domain-errors.ts';
import type { PublicationRegister } from '../application/open-data.ports.ts';
import type { RegisterEntry } from '../domain/publication-register.ts';
import { registerKeys } from './open-data-keys.ts';

export class DynamoDbPublicationRegister implements PublicationRegister {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async entries(commune: string): Promise<RegisterEntry[]> {
    const items = await queryEveryPage(this.client, { TableName: this.table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': registerKeys.commune(commune) } });
    return items.map((item) => withoutKeys<RegisterEntry>(item));
  }

  async entry(commune: string, category: string): Promise<RegisterEntry | undefined> {
    const output = await this.client.send(new GetCommand({ TableName: this.table, Key: registerKeys.entry(commune, category), ConsistentRead: true }));
    return output.Item ? withoutKeys<RegisterEntry>(output.Item) : undefined;
  }

  save(entry: RegisterEntry): Promise<void> {
    return putNextVersion(this.client, this.table, { ...registerKeys.entry(entry.commune, entry.category), ...entry }, (cause) =>
      new ConflictError(
        {
          ar: `تغير سجل النشر لـ ${entry.category} في اللحظة نفسها؛ أعيدوا تحميله ثم حاولوا مجددا`,
          fr: `L'entrée ${entry.category} du registre a changé au même moment ; rechargez-la puis réessayez`,
          en: `The register entry ${entry.category} changed at the same moment; reload it and try again`,
        },
        { cause },
      ),
    );
  }

  async recordPublication(commune: string, category: string, at: string, datasetId: string): Promise<void> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.table,
          Key: registerKeys.entry(commune, category),
          UpdateExpression: 'SET lastPublishedAt = :at, lastDatasetId = :dataset, commune = :commune, category = :category ADD version :one',
          ConditionExpression: 'attribute_not_exists(lastPublishedAt) OR lastPublishedAt < :at',
          ExpressionAttributeValues: { ':at': at, ':dataset': datasetId, ':commune': commune, ':category': category, ':one': 1 },
        }),
      );
    } catch (error) {
      // A later publication is recorded already (or this one, delivered again).
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
}
