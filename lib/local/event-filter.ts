// The subset of the event-filtering pattern syntax that Lambda applies to stream records (the EventBridge
// syntax) which the platform's subscriptions use: nested objects, lists of accepted values, `prefix`, `exists`.
// The local stream poller applies a subscription's pattern with it, as Lambda applies it in AWS.

type Pattern = Readonly<Record<string, unknown>>;

function matchesValue(accepted: readonly unknown[], value: unknown): boolean {
  return accepted.some((candidate) => {
    if (candidate !== null && typeof candidate === 'object') {
      const rule = candidate as { prefix?: string; exists?: boolean };
      if (rule.prefix !== undefined) return typeof value === 'string' && value.startsWith(rule.prefix);
      if (rule.exists !== undefined) return rule.exists === (value !== undefined);
      throw new Error(`Unsupported filter rule ${JSON.stringify(candidate)}`);
    }
    return candidate === value;
  });
}

/** Whether `record` (a stream record as Lambda sees it: `eventName`, `dynamodb.NewImage`, ...) matches `pattern`. */
export function matchesFilterPattern(pattern: Pattern, record: unknown): boolean {
  const fields = (record ?? {}) as Record<string, unknown>;
  return Object.entries(pattern).every(([name, expected]) => {
    const value = fields[name];
    if (Array.isArray(expected)) return matchesValue(expected, value);
    if (expected !== null && typeof expected === 'object') return value !== null && typeof value === 'object' && matchesFilterPattern(expected as Pattern, value);
    throw new Error(`A filter pattern holds lists or objects, not ${JSON.stringify(expected)}`);
  });
}
