// A whole item written as its next version: the first over nothing, each next one over the version before it, so
// two writers who read the same version end with one write and a conflict for the other (settings an administrator
// edits, for instance).
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export async function putNextVersion(
  client: DynamoDBDocumentClient,
  table: string,
  item: Readonly<Record<string, unknown>> & { readonly version: number },
  whenOvertaken: (cause: ConditionalCheckFailedException) => Error,
): Promise<void> {
  try {
    await client.send(
      new PutCommand({
        TableName: table,
        Item: item,
        ConditionExpression: item.version === 1 ? 'attribute_not_exists(pk)' : 'version = :previous',
        ...(item.version > 1 && { ExpressionAttributeValues: { ':previous': item.version - 1 } }),
      }),
    );
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) throw whenOvertaken(error);
    throw error;
  }
}
