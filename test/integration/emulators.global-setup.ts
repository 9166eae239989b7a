// Starts the real local emulators once for the integration layer: DynamoDB Local (in memory) and the S3 server.
import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '../../lib/local/dynamodb-local.ts';
import { startS3Local } from '../../lib/local/s3-local.ts';

export const INTEGRATION_BUCKET = 'raqmana-integration';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
    s3Endpoint: string;
  }
}

export default async function setup(project: TestProject) {
  const [dynamodb, s3] = await Promise.all([startDynamoDbLocal(), startS3Local({ buckets: [INTEGRATION_BUCKET] })]);
  project.provide('dynamodbEndpoint', dynamodb.endpoint);
  project.provide('s3Endpoint', s3.endpoint);
  return async () => {
    await Promise.all([dynamodb.stop(), s3.stop()]);
  };
}
