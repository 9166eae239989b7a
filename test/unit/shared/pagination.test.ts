import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationFailedError } from '../../../functions/shared/errors/domain-errors.ts';
import { decodeCursor, encodeCursor } from '../../../functions/shared/http/pagination.ts';

const KEYS = ['pk', 'sk'] as const;

describe('pagination cursors', () => {
  it('round-trips a LastEvaluatedKey', () => {
    const key = { pk: 'COMMUNE', sk: 'COMMUNE#rabat' };
    expect(decodeCursor(encodeCursor(key), KEYS, { pk: 'COMMUNE' })).toEqual(key);
  });

  it('has no cursor after the last page', () => {
    expect(encodeCursor(undefined)).toBeUndefined();
    expect(decodeCursor(undefined, KEYS, { pk: 'COMMUNE' })).toBeUndefined();
  });

  it('refuses a cursor that points into another partition', () => {
    const foreign = encodeCursor({ pk: 'HOLIDAYS#2026#HISTORY', sk: 'V#000001' });
    expect(() => decodeCursor(foreign, KEYS, { pk: 'COMMUNE' })).toThrow(ValidationFailedError);
  });

  it('refuses garbage and extra attributes', () => {
    expect(() => decodeCursor('not-base64-json', KEYS, { pk: 'COMMUNE' })).toThrow(ValidationFailedError);
    const extra = encodeCursor({ pk: 'COMMUNE', sk: 'COMMUNE#a', other: 'x' });
    expect(() => decodeCursor(extra, KEYS, { pk: 'COMMUNE' })).toThrow(ValidationFailedError);
  });
});

describe('pagination cursors, for any key', () => {
  it('round-trip every LastEvaluatedKey of the listed partition', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (pk, sk) => {
        expect(decodeCursor(encodeCursor({ pk, sk }), KEYS, { pk })).toEqual({ pk, sk });
      }),
    );
  });
});
