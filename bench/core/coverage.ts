// What a run of the scenario reached. The scenario drives the services it was written for; a service added since
// (its routes and functions in the platform, no scenario yet) is reported by each part that needs the scenario as
// "not measured", never a throw, while a function that the scenario of its own service skipped is a gap (a MISS).
import type { FunctionDescription, PlatformDescription } from '../../functions/shared/service-description.ts';

/** A function of the platform, with the service it belongs to. */
export type ServiceFunction = FunctionDescription & { readonly service: string };

export function functionsOf(platform: PlatformDescription): ServiceFunction[] {
  return platform.services.flatMap((service) => service.functions.map((fn) => ({ ...fn, service: service.name })));
}

/** A figure a part could not take, and why. */
export interface NotMeasured {
  readonly subject: string;
  readonly reason: string;
}

export interface ScenarioCoverage {
  /** Services none of whose functions the run reached: they have no scenario yet. */
  readonly servicesWithoutScenario: readonly string[];
  reached(fn: ServiceFunction): boolean;
  /** Why a function the run did not reach is not measured; undefined if its service has a scenario that skipped it. */
  notMeasuredReason(fn: ServiceFunction): string | undefined;
}

/** `reachedIds`: the functions the run sent an event to (an HTTP request, or a workflow's input). */
export function scenarioCoverage(functions: readonly ServiceFunction[], reachedIds: ReadonlySet<string>): ScenarioCoverage {
  const reached = (fn: ServiceFunction) => reachedIds.has(fn.id);
  const driven = new Set(functions.filter(reached).map((fn) => fn.service));
  const servicesWithoutScenario = [...new Set(functions.map((fn) => fn.service))].filter((service) => !driven.has(service));
  return {
    servicesWithoutScenario,
    reached,
    notMeasuredReason: (fn) => (reached(fn) || driven.has(fn.service) ? undefined : `the scenario does not drive the ${fn.service} service yet (bench/core/scenario.ts)`),
  };
}
