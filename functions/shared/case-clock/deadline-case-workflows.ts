// The two workflows a context with legal deadlines declares in its service description, both from the generic
// ASL files: one execution per case and clock restart, and the nightly sweep.
import type { StateMachineDescription } from '../service-description.ts';

export interface DeadlineCaseWorkflowIds {
  /** The state machine carrying each case to its deadline. */
  readonly workflowId: string;
  /** The function answering it (`DeadlineCheck`). */
  readonly checkFunctionId: string;
  /** The nightly sweep's state machine. */
  readonly sweepWorkflowId: string;
  /** The function sweeping the context's open-deadline index (`sweepOverdueCases`). */
  readonly sweepFunctionId: string;
}

export function deadlineCaseWorkflows(ids: DeadlineCaseWorkflowIds): readonly StateMachineDescription[] {
  return [
    {
      id: ids.workflowId,
      definitionFile: 'statemachines/deadline-case.asl.json',
      substitutions: { CheckDeadlineFunction: { functionId: ids.checkFunctionId } },
    },
    {
      id: ids.sweepWorkflowId,
      definitionFile: 'statemachines/deadline-case-sweep.asl.json',
      substitutions: { SweepFunction: { functionId: ids.sweepFunctionId } },
      // Every night at 00:30 in Morocco (the schedule's time zone), just after the deadlines of the day before
      // have passed at 23:59:59.999.
      schedule: { expression: 'cron(30 0 * * ? *)' },
    },
  ];
}
