// Whether a create's retry asks for the same thing as the first request with its Idempotency-Key: the fields the
// request gave, compared with what the first one stored, whatever the order DynamoDB gives a stored map's keys in.

/** JSON with every object's keys sorted. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, field: unknown) =>
    field && typeof field === 'object' && !Array.isArray(field) ? Object.fromEntries(Object.entries(field).sort(([a], [b]) => a.localeCompare(b))) : field,
  );
}

/** Each field of `request` holds the same value in `stored`. */
export function storedAsRequested(stored: object, request: Readonly<Record<string, unknown>>): boolean {
  const kept = Object.fromEntries(Object.keys(request).map((field) => [field, (stored as Record<string, unknown>)[field]]));
  return canonical(kept) === canonical(request);
}
