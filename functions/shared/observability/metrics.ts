// CloudWatch metrics as CloudWatch's embedded metric format (EMF): one JSON line on stdout per count, which
// CloudWatch Logs turns into a metric. Namespace Raqmana, one dimension, `service` (what Powertools' Metrics
// wrote before, so the alarms and dashboard read the same series). Written here because two counters do not
// need a library: Powertools' Metrics was 13 KB of every bundle.
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html

/** Adds one to `name` for this function's service, now. */
export function countOne(name: string, write: (line: string) => void = (line) => void process.stdout.write(`${line}\n`)): void {
  if (process.env.METRICS_DISABLED === 'true') return;
  const service = process.env.SERVICE_NAME ?? 'raqmana';
  const namespace = process.env.METRICS_NAMESPACE ?? 'Raqmana';
  write(
    JSON.stringify({
      _aws: { Timestamp: Date.now(), CloudWatchMetrics: [{ Namespace: namespace, Dimensions: [['service']], Metrics: [{ Name: name, Unit: 'Count' }] }] },
      service,
      [name]: 1,
    }),
  );
}

/** One handled 500: Lambda's own Errors metric never sees it, since the function answered. */
export function countServerError(): void {
  countOne('ServerErrors');
}
