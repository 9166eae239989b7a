// Stored items back to domain values: the table's keys and index attributes are storage, not domain.
export function withoutKeys<T>(item: Record<string, unknown>, indexAttributes: readonly string[] = []): T {
  const value = { ...item };
  for (const attribute of ['pk', 'sk', ...indexAttributes]) delete value[attribute];
  return value as T;
}
