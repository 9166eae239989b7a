// The logger, created once per module so every handler of a function shares it (metrics: ./metrics.ts).
// Logs carry identifiers and routes, never names, dates of birth or documents.
import { Logger } from '@aws-lambda-powertools/logger';

export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'raqmana' });
