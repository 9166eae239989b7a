// The platform's resources by description id, filled as the stacks are built, so a service finds what the
// foundation and the services built before it declare.

export class Registry<T> {
  private readonly entries = new Map<string, T>();

  /** @param kind What the entries are, for messages: `table`, `bucket`, `signing key`, ... */
  constructor(private readonly kind: string) {}

  /** Builds the entry once its id is known to be unique, so a duplicate fails with a message naming it. */
  add(id: string, build: () => T): T {
    if (this.entries.has(id)) throw new Error(`The platform description declares ${this.kind} "${id}" twice`);
    const value = build();
    this.entries.set(id, value);
    return value;
  }

  /** @param user Who asks, for the message when the id is unknown (`Function FilePermit`). */
  get(id: string, user: string): T {
    const value = this.entries.get(id);
    if (value === undefined) throw new Error(`${user} refers to ${this.kind} "${id}", which the platform description does not declare`);
    return value;
  }

  entriesList(): [string, T][] {
    return [...this.entries];
  }
}
