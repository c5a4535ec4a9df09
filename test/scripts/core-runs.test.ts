import { describe as describeRuns, summarise, summariseProcesses, type CoreRun } from '../../scripts/core-runs';

const run = (total: number, extra: Partial<CoreRun> = {}): CoreRun => ({ kpis: 10, findings: 0, recognise: total / 2, total, wallMs: 100, gcMs: 10, scavenges: 1, markCompacts: 0, ...extra });

describe('the per-KPI figure of the core (scripts/core-runs.ts)', () => {
  // cold 120, warming 90 60 50, settled 30 32 34 139 (a Mark-Compact run): nothing dropped but the stated warm-up
  const runs = [run(120), run(90), run(60), run(50), run(30), run(34), run(139, { markCompacts: 1, gcMs: 60 }), run(32)];

  it('splits cold, warming and settled runs by the stated warm-up, not by the figures', () => {
    const s = summarise(runs, 4);
    expect(s.cold).toBe(120);
    expect(s.warming).toEqual([90, 60, 50]);
    expect(s.settled).toEqual([30, 34, 139, 32]);
  });

  it('gives the settled median and the mean, which keeps the Mark-Compact run', () => {
    const s = summarise(runs, 4);
    expect(s.median).toBe(33);
    expect(s.mean).toBeCloseTo(58.75);
    expect(s.withMarkCompact).toBe(1);
    expect(s.gcShare).toBeCloseTo(90 / 400);
    expect(s.recogniseMedian).toBe(16.5);
    expect(s.halves).toEqual([32, 85.5]);
  });

  it('says which runs are which', () => {
    expect(describeRuns(summarise(runs, 4), 4)).toBe(
      'cold (run 0) 120.0; warming (runs 1–3) 90.0, 60.0, 50.0; settled (runs 4–7) 30.0, 34.0, 139.0, 32.0: median 33.0, mean 58.8 (recognise median 16.5; first half 32.0, second half 85.5); 1 of 4 with a Mark-Compact; main-thread GC pauses 23 % of their wall time',
    );
    expect(describeRuns(summarise(runs.slice(0, 3), 1), 1)).toBe('cold (run 0) 120.0; settled (runs 1–2) 90.0, 60.0: median 75.0, mean 75.0 (recognise median 37.5; first half 90.0, second half 60.0); 0 of 2 with a Mark-Compact; main-thread GC pauses 10 % of their wall time');
  });

  it('refuses a warm-up that leaves no settled run', () => {
    expect(() => summarise(runs.slice(0, 4), 4)).toThrow(/none settled/);
  });

  it('pools several processes: every settled run kept in process order, the cold figure their median', () => {
    const other = [run(100), run(70), run(40), run(20), run(22), run(21)];
    const third = [run(140), run(80), run(45), run(25), run(26), run(27)];
    const s = summariseProcesses([runs.slice(0, 6), other, third], 4);
    expect(s.colds).toEqual([120, 100, 140]);
    expect(s.cold).toBe(120);
    expect(s.warming).toEqual([90, 60, 50, 70, 40, 20, 80, 45, 25]);
    expect(s.settled).toEqual([30, 34, 22, 21, 26, 27]);
    expect(s.mean).toBeCloseTo(160 / 6);
    expect(describeRuns(s, 4)).toBe(
      'cold (run 0 of each of 3 processes) 120.0, 100.0, 140.0: median 120.0; warming (runs 1–3 of each of 3 processes) 90.0, 60.0, 50.0, 70.0, 40.0, 20.0, 80.0, 45.0, 25.0; settled (runs 4–5 of each of 3 processes) 30.0, 34.0, 22.0, 21.0, 26.0, 27.0: median 26.5, mean 26.7 (recognise median 13.3; first half 30.0, second half 26.0); 0 of 6 with a Mark-Compact; main-thread GC pauses 10 % of their wall time',
    );
    expect(() => summariseProcesses([runs, runs.slice(0, 4)], 4)).toThrow(/none settled/);
  });
});
