/**
 * How many generated inputs a fuzz property tries. `npm test` keeps the small defaults so CI stays fast;
 * `TRACEPIPE_FUZZ_RUNS=10000` runs the full campaign (≥ 10,000 inputs per importer and per endpoint).
 */
export function fuzzRuns(ciDefault: number): number {
  const configured = Number(process.env.TRACEPIPE_FUZZ_RUNS ?? "");
  return Number.isFinite(configured) && configured > 0 ? configured : ciDefault;
}
