// Numbers in paths and query strings: decimal digits only, on every route of the platform.
import type * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { platform } from '../../../functions/platform.ts';
import { decimalInteger } from '../../../functions/shared/http/decimal-integer.schema.ts';

describe('decimalInteger', () => {
  const year = decimalInteger({ min: 1900, max: 2200 });

  it('reads decimal digits as the number they spell', () => {
    expect(year.parse('2025')).toBe(2025);
  });

  it.each(['0x7E9', '2.025e3', '2025.0', ' 2025', '2025 ', '+2025', '02025', '', '0b11111101001', 'Infinity'])('refuses %j', (input) => {
    expect(year.safeParse(input).success).toBe(false);
  });

  it('still applies the bounds', () => {
    expect(year.safeParse('2201').success).toBe(false);
  });
});

const routes = platform.services.flatMap((service) => service.functions.flatMap((fn) => (fn.route ? [fn.route] : [])));
const numericFields = routes.flatMap((route) =>
  (['params', 'query'] as const).flatMap((location) => {
    const shape = (route[location] as z.ZodObject | undefined)?.shape ?? {};
    return Object.entries(shape)
      // A field is numeric when a plain decimal in range comes out as a number.
      .filter(([, field]) => ['1', '10', '2025'].some((value) => typeof field.safeParse(value).data === 'number'))
      .map(([name, field]) => [`${route.method} ${route.path} ${location}.${name}`, field] as const);
  }),
);

describe('every numeric path and query parameter of the platform', () => {
  it('is found (the walk sees the routes)', () => {
    expect(numericFields.map(([name]) => name)).toEqual(expect.arrayContaining(['PUT /v1/holidays/{year} params.year', 'GET /v1/communes query.limit', 'GET /v1/civil-status/search query.birthYear']));
  });

  it.each(numericFields)('%s refuses hexadecimal and exponent spellings', (_name, field) => {
    for (const spelling of ['0x7E9', '0xA', '1e1', '2.025e3', '10.0', ' 10']) {
      expect(field.safeParse(spelling).success, spelling).toBe(false);
    }
  });
});
