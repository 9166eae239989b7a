// The size DynamoDB bills an item at, from its attribute values, after the rules of the developer guide ("Item
// sizes and formats"): names and string values in UTF-8 bytes, a number one byte per two significant digits plus
// one, binary values their bytes, a Boolean or null one byte, a list or map three bytes plus one per element, a set
// the sum of its members. It is an estimate (DynamoDB does not publish its exact encoding of numbers), close
// enough to find the 1 KB boundaries a write is billed by.
import type { AttributeValue } from '@aws-sdk/client-dynamodb';

const utf8Bytes = (text: string) => Buffer.byteLength(text, 'utf8');

function numberSize(text: string): number {
  const digits = text.replace(/^[-+]/, '').replace(/[eE].*$/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  return Math.ceil(Math.max(digits.length, 1) / 2) + 1;
}

const binarySize = (value: Uint8Array | string) => (typeof value === 'string' ? Buffer.from(value, 'base64').length : value.byteLength);

export function attributeValueSize(value: AttributeValue): number {
  if (value.S !== undefined) return utf8Bytes(value.S);
  if (value.N !== undefined) return numberSize(value.N);
  if (value.B !== undefined) return binarySize(value.B);
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  if (value.SS) return value.SS.reduce((sum, member) => sum + utf8Bytes(member), 0);
  if (value.NS) return value.NS.reduce((sum, member) => sum + numberSize(member), 0);
  if (value.BS) return value.BS.reduce((sum, member) => sum + binarySize(member), 0);
  if (value.L) return value.L.reduce((sum, element) => sum + 1 + attributeValueSize(element), 3);
  if (value.M) return Object.entries(value.M).reduce((sum, [name, element]) => sum + 1 + utf8Bytes(name) + attributeValueSize(element), 3);
  return 0;
}

/** The bytes of an item in DynamoDB's wire form (attribute names included). */
export function itemSize(item: Record<string, AttributeValue>): number {
  return Object.entries(item).reduce((sum, [name, value]) => sum + utf8Bytes(name) + attributeValueSize(value), 0);
}

/** Write units are billed per started kilobyte, at least one. */
export const writeUnitsForBytes = (bytes: number) => Math.max(1, Math.ceil(bytes / 1024));
