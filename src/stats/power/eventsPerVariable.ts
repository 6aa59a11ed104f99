/**
 * Sample size by events per variable (Peduzzi et al. 1996, J Clin Epidemiol 49:1373): a model with
 * k candidate variables needs EPV·k events, hence EPV·k / (event rate) patients. yu2023 planned
 * with 10 events per variable, 5–10 variables and a 50% 5-year recurrence rate: at least 200 patients.
 * @example eventsPerVariable({ variables: 10, eventsPerVariable: 10, eventRate: 0.5 }) // { events: 100, patients: 200 }
 */
export function eventsPerVariable(x: { variables: number; eventsPerVariable: number; eventRate: number }): { events: number; patients: number } {
  const events = Math.ceil(x.variables * x.eventsPerVariable - 1e-9);
  return { events, patients: Math.ceil(events / x.eventRate - 1e-9) };
}
