// Reading the civil-status register from another context's adapters: birth acts by id or civil identifier,
// and the access-log entry each read must leave (Law 09-08), for the reader to write in its own transaction.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDbCivilStatusRepository } from './adapters/dynamodb-civil-status.repository.ts';
import type { CivilAct } from './domain/civil-act.ts';

export { actReadItem } from './adapters/dynamodb-civil-status.repository.ts';

export interface CivilActReader {
  get(actId: string): Promise<CivilAct | undefined>;
  /** The birth act that gave this civil identifier. */
  getByCivilId(civilId: string): Promise<CivilAct | undefined>;
}

export function civilActReader(client: DynamoDBDocumentClient, table: string): CivilActReader {
  const repository = new DynamoDbCivilStatusRepository(client, table);
  return { get: (actId) => repository.get(actId), getByCivilId: (civilId) => repository.getByCivilId(civilId) };
}
