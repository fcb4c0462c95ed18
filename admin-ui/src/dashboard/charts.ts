import type { TFunction } from 'i18next';
import { millis, millisTick, percent } from '../shared/format';
import { minuteAxis, minuteLine } from '../shared/minuteCharts';
import type { DashboardMinute } from './DashboardPage';

const GRID = { left: 48, right: 16, top: 36, bottom: 28 };

/** The dashboard's per-minute charts: final orders by outcome, the success rate, and the time to a final state. */
export function dashboardCharts(minutes: DashboardMinute[], t: TFunction, language: string) {
  const xAxis = minuteAxis(minutes.map((m) => m.minute), language);
  return {
    orders: {
      tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: GRID, xAxis, yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('status.SUCCEEDED'), type: 'bar', stack: 'final', data: minutes.map((m) => m.succeeded), itemStyle: { color: '#059669' } },
        { name: t('status.FAILED'), type: 'bar', stack: 'final', data: minutes.map((m) => m.failed), itemStyle: { color: '#dc2626' } },
        { name: t('status.REVIEW'), type: 'bar', stack: 'final', data: minutes.map((m) => m.review), itemStyle: { color: '#d97706' } },
      ],
    },
    success: {
      tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => percent(v) }, grid: GRID, xAxis,
      yAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
      series: [minuteLine(t('dashboard.successRate'), minutes.map((m) => m.successRate), { itemStyle: { color: '#1d4ed8' } })],
    },
    time: {
      tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => millis(v) }, legend: { top: 0 }, grid: GRID, xAxis,
      yAxis: { type: 'value', min: 0, axisLabel: { formatter: millisTick } },
      series: [
        minuteLine('p50', minutes.map((m) => m.timeToFinalP50Millis), { itemStyle: { color: '#64748b' } }),
        minuteLine('p95', minutes.map((m) => m.timeToFinalP95Millis), { itemStyle: { color: '#1d4ed8' } }),
      ],
    },
  };
}
