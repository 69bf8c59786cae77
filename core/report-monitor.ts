/**
 * Monitor figures shared by the monitor overview (`monitorOverview` in
 * usecases/monitor.ts) and the signal report: included clients per region
 * and per year, the chart of the seeds' annex 3. Pure.
 */
import type { MonitorRound } from './schema.js';

export interface MonitorYear {
  year: number;
  /** Sum over the regions in `byRegion`. */
  total: number;
  /** Region code → included clients in the year's last round with a submission of that region. */
  byRegion: Record<string, number>;
}

/**
 * Included clients per region per year: per year and region, the figure of
 * the year's latest round (H2 over H1) the region submitted in. Only the
 * regions in `regionCodes` count. Years in order; every year with a round is
 * listed, also when none of the regions submitted in it.
 */
export function includedClientsPerYear(rounds: ReadonlyArray<Pick<MonitorRound, 'period' | 'submissions'>>, regionCodes: ReadonlySet<string>): MonitorYear[] {
  const years = new Map<number, Map<string, { period: string; value: number }>>();
  for (const m of rounds) {
    const year = +m.period.slice(0, 4);
    const byRegion = years.get(year) ?? new Map<string, { period: string; value: number }>();
    for (const s of m.submissions) {
      if (!regionCodes.has(s.regionCode)) continue;
      const prev = byRegion.get(s.regionCode);
      if (!prev || prev.period < m.period) byRegion.set(s.regionCode, { period: m.period, value: s.includedClients });
    }
    years.set(year, byRegion);
  }
  return [...years.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([year, byRegion]) => {
      const flat = Object.fromEntries([...byRegion.entries()].map(([k, v]) => [k, v.value]));
      return { year, total: Object.values(flat).reduce((a, b) => a + b, 0), byRegion: flat };
    });
}
