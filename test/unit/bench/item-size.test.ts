// The bench bills a transaction's items by their size: the size rules it follows, on values small enough to count by hand.
import { describe, expect, it } from 'vitest';
import { attributeValueSize, itemSize, writeUnitsForBytes } from '../../../bench/core/item-size.ts';

describe('itemSize', () => {
  it('counts attribute names and string values in UTF-8 bytes', () => {
    expect(itemSize({ pk: { S: 'abc' } })).toBe(5);
    expect(itemSize({ nom: { S: 'بناني' } })).toBe(3 + 10);
  });

  it('counts a number one byte per two significant digits, plus one', () => {
    expect([attributeValueSize({ N: '123.45' }), attributeValueSize({ N: '1000' }), attributeValueSize({ N: '-0.007' }), attributeValueSize({ N: '0' })]).toEqual([4, 2, 2, 2]);
  });

  it('counts binary values, Booleans, nulls and sets', () => {
    expect(attributeValueSize({ B: new Uint8Array(300) })).toBe(300);
    expect([attributeValueSize({ BOOL: false }), attributeValueSize({ NULL: true })]).toEqual([1, 1]);
    expect(attributeValueSize({ SS: ['ab', 'cde'] })).toBe(5);
  });

  it('counts a list or a map as three bytes, plus one for each element and the map keys', () => {
    expect(attributeValueSize({ L: [{ S: 'a' }, { N: '1' }] })).toBe(3 + (1 + 1) + (1 + 2));
    expect(attributeValueSize({ M: { x: { BOOL: true } } })).toBe(3 + 1 + 1 + 1);
    expect(attributeValueSize({ L: [] })).toBe(3);
  });
});

describe('writeUnitsForBytes', () => {
  it('bills every started kilobyte, and at least one', () => {
    expect([0, 1, 1024, 1025, 2500].map(writeUnitsForBytes)).toEqual([1, 1, 1, 2, 3]);
  });
});
