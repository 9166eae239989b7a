// The deadline workflow's task: where does this permit's clock stand now (recording a lapse when it has come)?
import { now } from '../../shared/time/time-source.ts';
import { permitsDependencies } from '../adapters/permits.dependencies.ts';
import { checkPermitDeadline } from '../application/check-deadline.use-case.ts';

export async function handler(event: { permitId: string }) {
  return checkPermitDeadline(permitsDependencies, event.permitId, now());
}
