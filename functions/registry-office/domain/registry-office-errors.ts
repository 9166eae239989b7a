// The registry office's own domain errors, each naming a problem type of registry-office.problems.ts.
import { DomainError } from '../../shared/errors/domain-errors.ts';
import { REGISTRY_OFFICE_PROBLEMS } from '../registry-office.problems.ts';

/** Every try at the register's next number met another registration taking it first: nothing was written. */
export class RegisterBusyError extends DomainError {
  readonly problem = REGISTRY_OFFICE_PROBLEMS['register-busy'];
}
