/**
 * Whether a community's held reservations right now are far above its usual level (the fieldwork monitor's
 * warning of slot squatting; SPEC §6). `usual` is the community's time-averaged held count over the past week.
 * Held counts behave roughly like Poisson counts, so "far above" is more than three standard deviations
 * (√usual, at least 1) over the usual level, and at least HELD_SPIKE_MINIMUM so a quiet community's two or
 * three residents answering at once is not an alarm.
 */
export const HELD_SPIKE_MINIMUM = 5;

export function isHeldSpike(heldNow: number, usual: number): boolean {
  return heldNow >= HELD_SPIKE_MINIMUM && heldNow > usual + 3 * Math.sqrt(Math.max(usual, 1));
}
