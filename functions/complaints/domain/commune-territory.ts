// Where a commune's complaints may be: its territory as a polygon of points (latitude, longitude) its administrator
// draws in the complaints settings. It is approximate data (a few dozen points around the commune's limits, not the
// cadastre's line), so a point near a limit may fall on the wrong side; a commune without one checks nothing. Pure.
import { ValidationFailedError } from '../../shared/errors/domain-errors.ts';

export interface GeoPoint {
  readonly lat: number;
  readonly long: number;
}

/**
 * Whether the point is inside the polygon (its edges joining each vertex to the next and the last to the first), by
 * counting how many edges a ray from the point eastwards crosses. Communes are small enough for the plane to stand
 * for the sphere, and none straddles the antimeridian.
 */
export function withinTerritory(point: GeoPoint, polygon: readonly GeoPoint[]): boolean {
  let inside = false;
  for (let index = 0, previous = polygon.length - 1; index < polygon.length; previous = index, index += 1) {
    const a = polygon[index]!;
    const b = polygon[previous]!;
    const crosses = a.lat > point.lat !== b.lat > point.lat && point.long < ((b.long - a.long) * (point.lat - a.lat)) / (b.lat - a.lat) + a.long;
    if (crosses) inside = !inside;
  }
  return inside;
}

/** A filing's point outside its commune's territory, named at `pointer`: refused before anything is written. */
export function outsideCommune(commune: string, pointer: string): ValidationFailedError {
  return new ValidationFailedError(
    { ar: `الموقع المحدد خارج تراب الجماعة ${commune}`, fr: `Le lieu indiqué est hors du territoire de ${commune}`, en: `The place given is outside the territory of ${commune}` },
    {
      fieldIssues: [
        {
          pointer,
          code: 'outside_commune',
          detail: {
            ar: 'خارج تراب الجماعة؛ وجهوا الشكاية إلى الجماعة التي يقع فيها المكان',
            fr: 'Hors du territoire de la commune ; adressez la réclamation à la commune où se trouve le lieu',
            en: "Outside the commune's territory; address the complaint to the commune where the place is",
          },
        },
      ],
    },
  );
}
