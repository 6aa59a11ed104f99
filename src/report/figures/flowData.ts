/**
 * Input of the participant flow diagram (CONSORT/STROBE style, like yu2023 Figure 1):
 * screened → excluded with reasons → analysed → optional groups.
 */
export interface FlowBoxData {
  readonly label: string;
  readonly n: number;
}

export interface FlowExclusion {
  readonly reason: string;
  readonly n: number;
}

export interface FlowFigureData {
  readonly title: string;
  readonly description?: string;
  readonly screened: FlowBoxData;
  readonly exclusions: readonly FlowExclusion[];
  /** Total excluded; default screened − analysed (reasons may overlap). */
  readonly excludedN?: number | null;
  readonly analysed: FlowBoxData;
  /** Optional split of the analysed patients (e.g. by outcome or SII group). */
  readonly groups?: readonly FlowBoxData[];
}
