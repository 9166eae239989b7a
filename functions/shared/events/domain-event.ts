// A domain event: a fact a context records with the change that caused it, for other work to follow (workflow
// starts, counters, notifications, other contexts). Pure data, no AWS.

export interface DomainEvent<Data extends Readonly<Record<string, unknown>> = Readonly<Record<string, unknown>>> {
  /**
   * Unique and derived from the change (`permits/<permitId>/v3/permit.decided`): writing the same change twice
   * cannot emit two events, and a consumer recognises a redelivery by it.
   */
  readonly id: string;
  /** `<aggregate>.<what happened>`: `permit.filed`, `holidays.changed`, `notification.requested`. */
  readonly type: string;
  /** The context that emitted it (its folder under `functions/`). */
  readonly source: string;
  /** The aggregate it is about (a permit id, a year). */
  readonly subject: string;
  readonly occurredAt: string;
  readonly data: Data;
}

/** The id of the event a change of `subject` at `version` emits, as `domainEvent` builds it. */
export function domainEventId(source: string, subject: string, version: number | string, type: string): string {
  return `${source}/${subject}/v${version}/${type}`;
}

export function domainEvent<Data extends Readonly<Record<string, unknown>>>(
  fields: Omit<DomainEvent<Data>, 'id'> & { readonly version: number | string },
): DomainEvent<Data> {
  const { version, ...event } = fields;
  return { id: domainEventId(event.source, event.subject, version, event.type), ...event };
}
