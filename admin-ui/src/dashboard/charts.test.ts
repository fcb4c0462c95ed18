import { describe, expect, it } from 'vitest';
import i18n from '../shared/i18n';
import { draw } from '../shared/chartDrawing';
import { dashboardCharts } from './charts';
import type { DashboardMinute } from './DashboardPage';

/** An hour of minutes from 10:00 UTC, quiet except the given ones. */
const hour = (busy: Record<number, Partial<DashboardMinute>>): DashboardMinute[] =>
  Array.from({ length: 60 }, (_, i) => ({
    minute: new Date(Date.UTC(2026, 0, 1, 10, i)).toISOString(), succeeded: 0, failed: 0, review: 0,
    successRate: null, timeToFinalP50Millis: null, timeToFinalP95Millis: null, ...busy[i],
  }));

describe('the dashboard charts', () => {
  it('show a single busy minute as dots on the success and time charts, not as nothing', () => {
    const charts = dashboardCharts(hour({ 59: { succeeded: 26, failed: 1, successRate: 26 / 27, timeToFinalP50Millis: 300, timeToFinalP95Millis: 900 } }), i18n.t, 'zh-CN');
    expect(draw(charts.success).dots.map((d) => d.index)).toEqual([59]);
    expect(draw(charts.time).dots.map((d) => [d.series, d.index])).toEqual([[0, 59], [1, 59]]);
    expect(charts.orders.series.map((s) => s.data[59])).toEqual([26, 1, 0]);
  });

  it('draws no line across quiet minutes', () => {
    const charts = dashboardCharts(hour({ 5: { succeeded: 1, successRate: 1 }, 50: { failed: 1, successRate: 0 } }), i18n.t, 'zh-CN');
    const drawing = draw(charts.success);
    expect(drawing.dots.map((d) => d.index)).toEqual([5, 50]);
    expect(drawing.segments).toEqual([]);
  });

  it('names the series in the console’s language', () => {
    const charts = dashboardCharts(hour({}), i18n.getFixedT('en'), 'en');
    expect(charts.orders.series.map((s) => s.name)).toEqual(['Succeeded', 'Failed', 'Review']);
    expect(charts.success.series[0].name).toBe('Success rate');
  });
});
