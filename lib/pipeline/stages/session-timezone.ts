/**
 * The zone a session's local times are read in: the one stated for it (upload option, CLI flag), else the
 * recording's own `meta` zone (silver), else the fixed offset its ISO timestamps carry (bronze).
 */
export function sessionTimezone(
  stated: string | undefined,
  silver: { timezone?: string },
  bronze?: { timezone?: string },
): string | undefined {
  return stated ?? silver.timezone ?? bronze?.timezone;
}
