// CloudWatch metrics (EMF), in a module of their own so that a function loads them only when it counts something.
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

export const metrics = new Metrics({
  namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'Raqmana',
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'raqmana',
});

/** One handled 500: Lambda's own Errors metric never sees it, since the function answered. */
export function countServerError(): void {
  metrics.addMetric('ServerErrors', MetricUnit.Count, 1);
  metrics.publishStoredMetrics();
}
