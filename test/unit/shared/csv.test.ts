// CSV responses read back by csv-parse, a parser we did not write.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { acceptsCsvFirst, toCsv } from '../../../functions/shared/http/csv.ts';

const readBack = (bytes: Uint8Array) => parse(Buffer.from(bytes).toString('utf8'), { bom: true }) as string[][];

describe('toCsv', () => {
  it('keeps separators, quotes and line breaks inside a cell', () => {
    const rows = readBack(toCsv(['name', 'count'], [['Préfecture d\'Oujda, "Angad"\nL\'Oriental', 3]]));

    expect(rows).toEqual([['name', 'count'], ['Préfecture d\'Oujda, "Angad"\nL\'Oriental', '3']]);
  });

  it('leaves empty cells for missing values and keeps negative numbers as numbers', () => {
    expect(readBack(toCsv(['a', 'b', 'c'], [[null, undefined, -12.5]]))).toEqual([['a', 'b', 'c'], ['', '', '-12.5']]);
  });

  it('never lets a spreadsheet run a text cell as a formula', () => {
    expect(readBack(toCsv(['name'], [['=HYPERLINK("x")']]))[1]).toEqual(['\'=HYPERLINK("x")']);
  });
});

describe('acceptsCsvFirst', () => {
  it.each([
    ['text/csv', true],
    ['text/csv, */*;q=0.1', true],
    ['application/json, text/csv;q=0.5', false],
    ['*/*', false],
    [undefined, false],
    ['text/csv;q=0', false],
  ])('%s -> %s', (accept, expected) => {
    expect(acceptsCsvFirst(accept)).toBe(expected);
  });
});
