// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { draw } from './chartDrawing';
import { FEW_POINTS, isolated, minuteAxis, minuteLine, POINT_SIZE, type MinuteValue } from './minuteCharts';

const HOUR = 61;
/** An hour of minutes with values only at the given minutes. */
const at = (points: Record<number, number>): MinuteValue[] => Array.from({ length: HOUR }, (_, i) => points[i] ?? null);
const chart = (...series: object[]) => ({
  grid: { left: 52, right: 16, top: 36, bottom: 28 },
  xAxis: { type: 'category', data: Array.from({ length: HOUR }, (_, i) => `m${i}`) },
  yAxis: { type: 'value', min: 0, max: 1 },
  series,
});
/** The x of each category's centre in chart(): the plot is 490 − 52 − 16 px wide. */
const xOf = (i: number) => 52 + ((i + 0.5) * (490 - 52 - 16)) / HOUR;

describe('points without neighbours', () => {
  it('are the values whose minutes on both sides are empty, at the edges too', () => {
    const values = [0.5, null, 0.7, 0.8, null, null, 0.9];
    expect(values.map((_, i) => isolated(values, i))).toEqual([true, false, false, false, false, false, true]);
    expect(isolated([null], 0)).toBe(false);
  });
});

describe('a minute line', () => {
  it('leaves minutes without data as gaps', () => {
    expect(minuteLine('x', at({ 3: 1 })).connectNulls).toBe(false);
  });

  it('shows every point of a series with few points as a dot', () => {
    const few = minuteLine('x', at({ 3: 1, 4: 0.5 }));
    expect(few).toMatchObject({ showSymbol: true, showAllSymbol: true, symbol: 'circle', symbolSize: POINT_SIZE });
    expect(few.data).toEqual(at({ 3: 1, 4: 0.5 }));
  });

  it('in a fuller series, gives dots only to the points without a neighbour', () => {
    const points: Record<number, number> = { 50: 0.25 };
    for (let i = 0; i <= FEW_POINTS; i++) points[i] = 0.9;
    const full = minuteLine('x', at(points));
    expect(full.symbol).toBe('none');
    expect(full.data[0]).toBe(0.9);
    expect(full.data[50]).toEqual({ value: 0.25, symbol: 'circle', symbolSize: POINT_SIZE });
    expect(full.data.filter((d) => typeof d === 'object' && d !== null)).toHaveLength(1);
  });

  it('lets the caller colour the line and its dots', () => {
    const drawn = draw(chart(minuteLine('x', at({ 3: 0.5, 4: 0.6 }), { itemStyle: { color: '#c2410c' } })));
    expect(drawn.dots.map((d) => d.color)).toEqual(['#c2410c', '#c2410c']);
    expect(drawn.segments.map((s) => s.color)).toEqual(['#c2410c']);
  });
});

describe('drawn on a 60-minute axis', () => {
  it('shows the one minute with traffic as a dot where a plain line draws nothing', () => {
    const single = at({ 58: 0.85 });
    const plain = draw(chart({ name: 'x', type: 'line', connectNulls: true, data: single }));
    expect(plain.dots).toEqual([]);
    expect(plain.segments).toEqual([]);

    const drawn = draw(chart(minuteLine('x', single)));
    expect(drawn.dots).toHaveLength(1);
    expect(drawn.dots[0]).toMatchObject({ index: 58, radius: POINT_SIZE / 2 });
    expect(drawn.dots[0].x).toBeCloseTo(xOf(58), 0);
    expect(drawn.dots[0].y).toBeCloseTo(36 + (1 - 0.85) * (260 - 36 - 28), 0);
  });

  it('draws minutes far apart as separate dots, with no line across the minutes between them', () => {
    const apart = at({ 10: 0.9, 11: 0.8, 40: 1, 57: 0.5 });
    const connected = draw(chart({ name: 'x', type: 'line', connectNulls: true, data: apart }));
    expect(Math.max(...connected.segments.map((s) => s.x2 - s.x1))).toBeGreaterThan(20 * (xOf(1) - xOf(0)));

    const drawn = draw(chart(minuteLine('x', apart)));
    expect(drawn.dots.map((d) => d.index)).toEqual([10, 11, 40, 57]);
    expect(drawn.segments).toHaveLength(1);
    expect(drawn.segments[0].x1).toBeCloseTo(xOf(10), 0);
    expect(drawn.segments[0].x2).toBeCloseTo(xOf(11), 0);
  });

  it('draws a busy series as a line, with a dot for the minute that stands alone', () => {
    const points: Record<number, number> = { 45: 0.4 };
    for (let i = 0; i < 30; i++) points[i] = 0.95;
    const drawn = draw(chart(minuteLine('x', at(points))));
    expect(drawn.dots.map((d) => d.index)).toEqual([45]);
    expect(drawn.segments).toHaveLength(29);
  });

  it('keeps each carrier’s dots on its own series', () => {
    const drawn = draw(chart(minuteLine('a', at({ 5: 0.5 })), minuteLine('b', at({ 30: 1 }))));
    expect(drawn.dots.map((d) => [d.series, d.index])).toEqual([[0, 5], [1, 30]]);
  });
});

describe('the minute axis', () => {
  it('labels round ten minutes only, whatever minute the window starts at', () => {
    const minutes = Array.from({ length: HOUR }, (_, i) => new Date(Date.UTC(2026, 0, 1, 10, 3 + i)).toISOString());
    const axis = minuteAxis(minutes, 'en');
    expect(axis.data[0]).toBe(new Intl.DateTimeFormat('en', { hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(minutes[0])));
    const labelled = minutes.filter((_, i) => axis.axisLabel.interval(i)).map((m) => new Date(m).getMinutes());
    expect(labelled).toHaveLength(6);
    expect(labelled.every((m) => m % 10 === 0)).toBe(true);
    expect(axis.axisTick.interval).toBe(axis.axisLabel.interval);
  });
});
