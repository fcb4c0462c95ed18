// Per-minute charts over the last hour (dashboard, channel page): a time axis of whole minutes and line series that
// stay readable when traffic is sparse.
import { timeOfDay } from './format';

/** A series with at most this many points draws each of them as a dot, not only the line between neighbours. */
export const FEW_POINTS = 15;

/** Diameter of a drawn point, in pixels: large enough to see on a 60-minute axis. */
export const POINT_SIZE = 7;

/** Minutes between the labelled ticks of the axis. */
export const LABEL_EVERY_MINUTES = 10;

export type MinuteValue = number | null;

/** Whether the value at i stands alone: neither neighbouring minute has one, so a line alone would draw nothing. */
export function isolated(values: MinuteValue[], i: number): boolean {
  const present = (j: number) => j >= 0 && j < values.length && values[j] !== null;
  return present(i) && !present(i - 1) && !present(i + 1);
}

/**
 * A line over the window's minutes. Minutes without data stay gaps (a line across them would show figures nobody
 * measured); a series of few points shows every point as a dot, and in a fuller one the points without a neighbour
 * still get theirs.
 */
export function minuteLine(name: string, values: MinuteValue[], extra: Record<string, unknown> = {}) {
  const few = values.filter((v) => v !== null).length <= FEW_POINTS;
  const dot = { symbol: 'circle', symbolSize: POINT_SIZE };
  return {
    name,
    type: 'line',
    connectNulls: false,
    showSymbol: true,
    showAllSymbol: true,
    ...(few ? dot : { symbol: 'none' }),
    data: few ? values : values.map((value, i) => (isolated(values, i) ? { value, ...dot } : value)),
    ...extra,
  };
}

/**
 * A category axis of the window's minutes (ISO instants), labelled at round times in the reader's time zone
 * (14:10, 14:20, …) rather than wherever the window happened to start.
 */
export function minuteAxis(minutes: string[], language: string) {
  const round = minutes.map((m) => new Date(m).getMinutes() % LABEL_EVERY_MINUTES === 0);
  const interval = (index: number) => round[index] ?? false;
  return {
    type: 'category',
    data: minutes.map((m) => timeOfDay(m, language)),
    axisTick: { alignWithLabel: true, interval },
    axisLabel: { interval },
  };
}
