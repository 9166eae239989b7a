// The port a context starts its deadline workflows through (Step Functions in AWS, the local workflows here).

export interface DeadlineWorkflow {
  /**
   * Starts the workflow that carries the case, as changed to `version`, to its deadline; a start that already
   * happened (a redelivered event) is not an error and starts nothing new.
   */
  watch(subject: string, version: number): Promise<void>;
}
