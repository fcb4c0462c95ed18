import { afterEach, describe, expect, it } from 'vitest';
import i18n from '../shared/i18n';
import { draw } from '../shared/chartDrawing';
import type { ChannelOverTime } from './api';
import { CARRIER_COLORS, channelCharts } from './charts';

type MinuteRow = ChannelOverTime['minutes'][number];
const row = (minute: string, carrier: string, finished: number, succeeded: number, latencyP95Millis: number): MinuteRow => ({
  minute, carrier, finished, succeeded, successRate: succeeded / finished, latencyP50Millis: latencyP95Millis / 2, latencyP95Millis,
});
const over = (minutes: MinuteRow[]) => ({ from: '2026-01-01T10:03:20Z', to: '2026-01-01T11:03:20Z', minutes }) as ChannelOverTime;

afterEach(async () => {
  await i18n.changeLanguage('zh-CN');
});

describe('the channel page charts', () => {
  it('are left out when no attempt finished in the hour', () => {
    expect(channelCharts(over([]), 'zh-CN')).toBeNull();
  });

  it('show a carrier whose attempts all finished in one minute (23 attempts of sim-cheap) as a dot on both charts', () => {
    const charts = channelCharts(over([row('2026-01-01T11:01:00Z', 'CHINA_MOBILE', 23, 17, 577)]), 'zh-CN')!;
    expect(charts.success.xAxis.data).toHaveLength(61);
    for (const option of [charts.success, charts.latency]) {
      expect(option.series).toHaveLength(1);
      expect(option.series[0].name).toBe('中国移动');
      const dots = draw(option).dots;
      expect(dots.map((d) => d.index)).toEqual([58]);
    }
  });

  it('draws minutes far apart as dots, one line per carrier, with nothing drawn between them', () => {
    const charts = channelCharts(over([
      row('2026-01-01T10:10:00Z', 'CHINA_UNICOM', 2, 2, 300),
      row('2026-01-01T10:40:00Z', 'CHINA_UNICOM', 1, 0, 900),
      row('2026-01-01T10:40:00Z', 'CHINA_MOBILE', 3, 3, 200),
    ]), 'zh-CN')!;
    expect(charts.success.series.map((s) => s.name)).toEqual(['中国移动', '中国联通']);
    const drawing = draw(charts.latency);
    expect(drawing.dots.map((d) => [d.series, d.index])).toEqual([[0, 37], [1, 7], [1, 37]]);
    expect(drawing.segments).toEqual([]);
    // each carrier keeps its colour on both charts
    expect(drawing.dots.map((d) => d.color)).toEqual([CARRIER_COLORS.CHINA_MOBILE, CARRIER_COLORS.CHINA_UNICOM, CARRIER_COLORS.CHINA_UNICOM]);
    expect(draw(charts.success).dots.map((d) => d.color)).toEqual(drawing.dots.map((d) => d.color));
  });

  it('starts the latency axis at zero and formats both axes and the tooltip for a person', () => {
    const charts = channelCharts(over([row('2026-01-01T10:10:00Z', 'CHINA_MOBILE', 2, 1, 1500)]), 'zh-CN')!;
    expect(charts.latency.yAxis.min).toBe(0);
    expect(charts.latency.yAxis.axisLabel.formatter(1500)).toBe('1.5 s');
    expect(charts.latency.yAxis.axisLabel.formatter(9000)).toBe('9 s');
    expect(charts.success.yAxis.axisLabel.formatter(0.8)).toBe('80%');
    expect(charts.success.tooltip.valueFormatter(0.5)).toBe('50.0%');
    expect(charts.success.tooltip.valueFormatter(null)).toBe('—');
  });

  it('names the carriers in the console’s language', async () => {
    await i18n.changeLanguage('en');
    const charts = channelCharts(over([row('2026-01-01T10:10:00Z', 'CHINA_MOBILE', 2, 1, 300)]), 'en')!;
    expect(charts.success.series[0].name).toBe('China Mobile');
  });
});
