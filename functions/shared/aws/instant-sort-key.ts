// The sort key of an item listed by an instant: `<instant in UTC>#<id>`. Instants written with an offset do not sort
// as time does (10:00+01:00 comes before 09:30Z as text), their UTC forms do; the id keeps two items of the same
// instant apart.
export const instantSortKey = (instant: string, id: string): string => `${new Date(instant).toISOString()}#${id}`;

/** The id at the end of such a sort key. */
export const idOfInstantSortKey = (sortKey: string): string => sortKey.slice(sortKey.indexOf('#') + 1);
