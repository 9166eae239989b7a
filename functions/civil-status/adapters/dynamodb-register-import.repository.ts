// DynamoDB adapter of the import records: one item per import, and one per batch the Distributed Map ran, in the
// civil-status table (access patterns in ../README.md).
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { withoutKeys } from '../../shared/aws/items.ts';
import { queryEveryPage } from '../../shared/aws/paged-query.ts';
import { ConflictError } from '../../shared/errors/domain-errors.ts';
import type { ImportBatchRecord, RegisterImport, RegisterImportRepository } from '../application/register-import.use-cases.ts';
import { civilStatusKeys } from './civil-status-keys.ts';

export class DynamoDbRegisterImportRepository implements RegisterImportRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async create(registerImport: RegisterImport): Promise<void> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...civilStatusKeys.registerImport(registerImport.importId), ...registerImport },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) {
        const id = registerImport.importId;
        throw new ConflictError({ ar: `عملية الاستيراد ${id} موجودة من قبل`, fr: `L'import ${id} existe déjà`, en: `Import ${id} exists already` }, { cause: error });
      }
      throw error;
    }
  }

  async get(importId: string): Promise<RegisterImport | undefined> {
    const output = await this.client.send(new GetCommand({ TableName: this.table, Key: civilStatusKeys.registerImport(importId), ConsistentRead: true }));
    return output.Item ? withoutKeys<RegisterImport>(output.Item) : undefined;
  }

  async recordBatch(batch: ImportBatchRecord): Promise<void> {
    const firstLine = Math.min(...batch.lines);
    await this.client.send(new PutCommand({ TableName: this.table, Item: { ...civilStatusKeys.importBatch(batch.importId, firstLine), ...batch } }));
  }

  async batches(importId: string): Promise<ImportBatchRecord[]> {
    const { pk, skPrefix } = civilStatusKeys.importBatches(importId);
    const items = await queryEveryPage(this.client, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix },
      ConsistentRead: true,
    });
    return items.map((item) => withoutKeys<ImportBatchRecord>(item));
  }

  async finish(importId: string, outcome: Pick<RegisterImport, 'status' | 'finishedAt' | 'failure' | 'report'>): Promise<void> {
    const entries = Object.entries(outcome).filter(([, value]) => value !== undefined);
    await this.client.send(
      new UpdateCommand({
        TableName: this.table,
        Key: civilStatusKeys.registerImport(importId),
        UpdateExpression: `SET ${entries.map((_, index) => `#f${index} = :v${index}`).join(', ')}`,
        ExpressionAttributeNames: Object.fromEntries(entries.map(([name], index) => [`#f${index}`, name])),
        ExpressionAttributeValues: Object.fromEntries(entries.map(([, value], index) => [`:v${index}`, value])),
        ConditionExpression: 'attribute_exists(pk)',
      }),
    );
  }
}
