import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EChartsCoreOption } from 'echarts/core';

type ECharts = typeof import('./echarts');
let loading: Promise<ECharts> | null = null;
const loadCharts = () => (loading ??= import('./echarts'));

// No entry animation: it draws a line chart from left to right, so the newest minute (the one a person looks for)
// appeared last, a second after the page; figures refresh every few seconds and need no show.
const drawn = (option: EChartsCoreOption): EChartsCoreOption => ({ animation: false, ...option });

/** An ECharts chart; the library loads the first time a chart is shown, never with the console's first page. */
export function Chart({ option, height = 260, label }: { option: EChartsCoreOption; height?: number; label: string }) {
  const { t } = useTranslation();
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<ECharts['echarts']['init']> | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | null = null;
    loadCharts().then(
      ({ echarts }) => {
        if (disposed || !host.current) return;
        chart.current = echarts.init(host.current);
        chart.current.setOption(drawn(option));
        observer = new ResizeObserver(() => chart.current?.resize());
        observer.observe(host.current);
      },
      () => setFailed(true),
    );
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
    // created once; option changes go through the effect below
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    chart.current?.setOption(drawn(option), { notMerge: true });
  }, [option]);
  if (failed) return <div className="state state-error">{t('chart.failed')}</div>;
  return <div className="chart" ref={host} style={{ height }} role="img" aria-label={label} />;
}
