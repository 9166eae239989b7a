// The civil-status offices, read from the communes of the reference data (each commune lists its offices).
import { pagedQuery } from '../../shared/aws/paged-query.ts';
import { dynamodb, tableName } from '../../shared/aws/dynamodb.ts';
import type { Page } from '../../shared/http/pagination.ts';
import { COMMUNES_PARTITION, REFERENCE_TABLE_ID, communeOf } from '../../reference-data/public.ts';

export interface Office {
  readonly code: string;
  readonly names: { readonly ar: string; readonly fr: string };
  readonly commune: string;
}

const referenceTable = tableName(REFERENCE_TABLE_ID);

/** One page of communes, flattened into their offices; the cursor pages through communes. */
export async function listOffices(page: { limit: number; cursor?: string }): Promise<Page<Office>> {
  const communes = await pagedQuery(
    dynamodb,
    {
      input: { TableName: referenceTable, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': COMMUNES_PARTITION.pk } },
      page,
      keyAttributes: ['pk', 'sk'],
      partition: COMMUNES_PARTITION,
    },
    communeOf,
  );
  return {
    items: communes.items.flatMap((commune) => commune.civilStatusOffices.map((office) => ({ ...office, commune: commune.code }))),
    ...(communes.nextCursor && { nextCursor: communes.nextCursor }),
  };
}
