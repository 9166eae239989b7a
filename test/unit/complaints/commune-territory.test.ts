// A commune's territory as its administrator draws it: a point inside the polygon is in the commune, one outside
// (beyond an edge, in a concave bay of the polygon) is not.
import { describe, expect, it } from 'vitest';
import { withinTerritory } from '../../../functions/complaints/domain/commune-territory.ts';

/** Roughly Agadir, with a bay cut into its north-east corner so that the polygon is concave. */
const AGADIR = [
  { lat: 30.33, long: -9.7 },
  { lat: 30.5, long: -9.7 },
  { lat: 30.5, long: -9.55 },
  { lat: 30.42, long: -9.55 },
  { lat: 30.42, long: -9.45 },
  { lat: 30.33, long: -9.45 },
];

describe('a commune territory', () => {
  it.each([
    ['the centre of Agadir', { lat: 30.4202, long: -9.5982 }],
    ['the south-east corner', { lat: 30.34, long: -9.46 }],
  ])('holds %s', (_name, point) => {
    expect(withinTerritory(point, AGADIR)).toBe(true);
  });

  it.each([
    ['Tanger', { lat: 35.7673, long: -5.7998 }],
    ['the bay cut into its north-east corner', { lat: 30.46, long: -9.5 }],
    ['the sea west of it', { lat: 30.42, long: -9.75 }],
  ])('does not hold %s', (_name, point) => {
    expect(withinTerritory(point, AGADIR)).toBe(false);
  });
});
