import type { CalibrationFigures, CalibrationReport, ChannelCalibration } from './api';

/** Below this many attempts a figure says little about the model: the console shows it, marked as too few. */
export const MIN_ATTEMPTS = 20;

/** The periods a person can look back over, in hours. */
export const PERIODS = [1, 6, 24, 168] as const;

/** Observed minus predicted, in percentage points with a sign ("+1.2 pt", "−3.4 pt"); null without both. */
export function gapPoints(figures: CalibrationFigures): number | null {
  if (figures.predicted === null || figures.observed === null || figures.attempts === 0) return null;
  return (figures.observed - figures.predicted) * 100;
}

export function formatGap(points: number | null): string {
  if (points === null) return '—';
  const rounded = Math.round(points * 10) / 10;
  if (rounded === 0) return '±0.0 pt';
  return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded).toFixed(1)} pt`;
}

/**
 * How the model did on these attempts: too few to say, about right (within 2 points or within what chance allows
 * for that many attempts), too hopeful (observed below predicted) or too cautious (observed above).
 */
export type Verdict = 'tooFew' | 'calibrated' | 'optimistic' | 'pessimistic';

export function verdict(figures: CalibrationFigures): Verdict {
  const gap = gapPoints(figures);
  if (gap === null || figures.attempts < MIN_ATTEMPTS) return 'tooFew';
  const p = Math.min(Math.max(figures.predicted ?? 0, 0.01), 0.99);
  // two standard errors of a share of this many attempts, in points
  const noise = 200 * Math.sqrt((p * (1 - p)) / figures.attempts);
  if (Math.abs(gap) <= Math.max(2, noise)) return 'calibrated';
  return gap < 0 ? 'optimistic' : 'pessimistic';
}

/** "95–98%", "0–50%", "98–100%": a band of predicted success. */
export function bandLabel(from: number, to: number): string {
  const pct = (v: number) => `${Math.round(v * 100)}`;
  return `${pct(from)}–${pct(to)}%`;
}

/** One channel's figures in the report, or null when it had no attempt with a prediction in the period. */
export function channelOf(report: CalibrationReport, code: string): ChannelCalibration | null {
  return report.channels.find((c) => c.channel === code) ?? null;
}

/** Every window of the period, in order, with null figures where no attempt finished (so a chart keeps its time axis). */
export function allWindows(report: CalibrationReport, channel: ChannelCalibration) {
  const start = new Date(report.from).getTime();
  const step = report.windowMinutes * 60_000;
  const count = step > 0 ? Math.round((new Date(report.to).getTime() - start) / step) : 0;
  const byStart = new Map(channel.windows.map((w) => [new Date(w.from).getTime(), w]));
  return Array.from({ length: count }, (_, i) => {
    const from = start + i * step;
    const w = byStart.get(from);
    return { from: new Date(from).toISOString(), attempts: w?.attempts ?? 0, predicted: w?.predicted ?? null, observed: w?.observed ?? null };
  });
}

/**
 * A share axis that starts at a round tenth below the lowest value (so 90 % against 99 % is visible) and ends at
 * 100 %, with ticks at round percentages.
 */
export function shareAxis(values: (number | null)[]) {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const lowest = present.length ? Math.min(...present) : 0;
  const min = Math.max(0, Math.floor(lowest * 10 - 1e-9) / 10);
  const span = 1 - min;
  return { type: 'value', min, max: 1, interval: span <= 0.2 ? 0.02 : span <= 0.5 ? 0.05 : 0.1,
    axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } };
}
