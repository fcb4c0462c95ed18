import { carrierName, millis, millisTick, percent } from '../shared/format';
import { minuteAxis, minuteLine } from '../shared/minuteCharts';
import { minutesOf, seriesOf, type ChannelOverTime } from './api';

const GRID = { left: 52, right: 16, top: 36, bottom: 28 };

/** One colour per carrier, the same on both charts, each dark enough for a single dot on white. */
export const CARRIER_COLORS: Record<string, string> = {
  CHINA_MOBILE: '#1d4ed8', CHINA_UNICOM: '#c2410c', CHINA_TELECOM: '#0f766e', CHINA_BROADNET: '#7e22ce',
};

/**
 * The channel page's per-minute charts, one line per carrier: success rate and p95 latency of the attempts that
 * finished in each minute. Null when no attempt finished in the window (the page says so instead of two empty charts).
 */
export function channelCharts(over: ChannelOverTime, language: string) {
  const carriers = [...new Set(over.minutes.map((m) => m.carrier))].sort();
  if (carriers.length === 0) return null;
  const minutes = minutesOf(over.from, over.to);
  const xAxis = minuteAxis(minutes, language);
  const lines = (field: 'successRate' | 'latencyP95Millis') =>
    carriers.map((c) => minuteLine(carrierName(c), seriesOf(over, c, field, minutes), CARRIER_COLORS[c] ? { itemStyle: { color: CARRIER_COLORS[c] } } : {}));
  return {
    success: {
      tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => percent(v) }, legend: { top: 0 }, grid: GRID, xAxis,
      yAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
      series: lines('successRate'),
    },
    latency: {
      tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => millis(v) }, legend: { top: 0 }, grid: GRID, xAxis,
      yAxis: { type: 'value', min: 0, axisLabel: { formatter: millisTick } },
      series: lines('latencyP95Millis'),
    },
  };
}
