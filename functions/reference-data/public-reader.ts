// Reference data read on its own with the DynamoDB client, for contexts that do not fold its keys into their own
// BatchGetItem (see ./public.ts for the keys and the pure readers).
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { batchGetEvery } from '../shared/aws/batch-get.ts';
import { queryEveryPage } from '../shared/aws/paged-query.ts';
import { COMMUNES_PARTITION, readReferenceSnapshot, referenceKeysFor, type CommuneTerritory, type ReferenceRequest, type ReferenceSnapshot } from './public.ts';

/** Reads the snapshot on its own, in one BatchGetItem (again for any keys DynamoDB left unprocessed). */
export async function loadReferenceSnapshot(client: DynamoDBDocumentClient, referenceTable: string, request: ReferenceRequest): Promise<ReferenceSnapshot> {
  const found = await batchGetEvery(client, { [referenceTable]: { Keys: referenceKeysFor(request) } });
  return readReferenceSnapshot(found[referenceTable] ?? [], request);
}

/**
 * Every commune with its province and region, from the communes partition: one Query per MB read (Morocco's
 * 1,500 communes fit in two), only the four attributes the mapping needs sent back.
 */
export async function loadCommuneTerritories(client: DynamoDBDocumentClient, referenceTable: string): Promise<CommuneTerritory[]> {
  const items = await queryEveryPage(client, {
    TableName: referenceTable,
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': COMMUNES_PARTITION.pk },
    ProjectionExpression: '#code, #names, #province, #region',
    ExpressionAttributeNames: { '#code': 'code', '#names': 'names', '#province': 'province', '#region': 'region' },
  });
  return items as unknown as CommuneTerritory[];
}
