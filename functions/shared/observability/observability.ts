// Logger and metrics, created once per module so every handler of a function shares them.
// Logs carry identifiers and routes, never names, dates of birth or documents.
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';

export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'raqmana' });

export const metrics = new Metrics({
  namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'Raqmana',
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'raqmana',
});
