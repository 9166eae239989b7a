// Construct ids from description ids, hence stable CloudFormation logical ids.

/** `reference-data` -> `ReferenceData`. */
export function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part.length > 0)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}
