/**
 * What the exporter needs from a health check, kept this small so any checker fits behind it
 * (smsmon health's checkHealth is adapted to it where the command is wired).
 */
export interface HealthProbeResult {
  /** The app as a whole answered and reported itself healthy. */
  readonly up: boolean;
  readonly services: ReadonlyArray<{
    readonly name: string;
    readonly up: boolean;
    /** Seconds, as the service reported it; null when it did not. */
    readonly responseSeconds: number | null;
  }>;
}

/** One check; a rejection counts as a failed probe (everything down). */
export type GaugeHealthProbe = () => Promise<HealthProbeResult>;
