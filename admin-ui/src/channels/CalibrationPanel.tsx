import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Chart } from '../shared/Chart';
import { carrierName, dayAndTime, percent, timeOfDay } from '../shared/format';
import { Empty, QueryView } from '../shared/ui';
import { channelsApi, type CalibrationFigures, type CalibrationReport, type ChannelCalibration } from './api';
import { allWindows, bandLabel, channelOf, formatGap, gapPoints, MIN_ATTEMPTS, PERIODS, shareAxis, verdict } from './calibration';

const PREDICTED = '#64748b';
const OBSERVED = '#1d4ed8';

/** Predicted, observed, their gap and how many attempts, as table cells; figures on too few attempts are marked. */
export function FigureCells({ figures }: { figures: CalibrationFigures }) {
  const { t } = useTranslation();
  const v = verdict(figures);
  return (
    <>
      <td className="num">{figures.attempts}</td>
      <td className="num">{percent(figures.predicted)}</td>
      <td className="num">{percent(figures.observed)}</td>
      <td className="num">
        <span className={v === 'optimistic' ? 'error-text' : v === 'tooFew' ? 'muted' : ''}>{formatGap(gapPoints(figures))}</span>
        <div className="small muted">{t(`calibration.verdict.${v}`)}</div>
      </td>
    </>
  );
}

export function PeriodPicker({ hours, onChange }: { hours: number; onChange: (hours: number) => void }) {
  const { t } = useTranslation();
  return (
    <div className="segmented" role="group" aria-label={t('calibration.period')}>
      {PERIODS.map((h) => (
        <button key={h} type="button" className={h === hours ? 'primary' : ''} aria-pressed={h === hours} onClick={() => onChange(h)}>
          {t(`calibration.periods.${h}`)}
        </button>
      ))}
    </div>
  );
}

function FigureHeaders() {
  const { t } = useTranslation();
  return (
    <>
      <th className="num">{t('calibration.attempts')}</th><th className="num">{t('calibration.predicted')}</th>
      <th className="num">{t('calibration.observed')}</th><th className="num">{t('calibration.gap')}</th>
    </>
  );
}

function Figures({ report, channel }: { report: CalibrationReport; channel: ChannelCalibration }) {
  const { t, i18n } = useTranslation();
  const charts = useMemo(() => {
    const windows = allWindows(report, channel);
    const grid = { left: 52, right: 16, top: 36, bottom: 28 };
    const tooltip = { trigger: 'axis', valueFormatter: (v: number) => percent(v) };
    return {
      bands: {
        tooltip, legend: { top: 0 }, grid, yAxis: shareAxis(channel.bands.flatMap((b) => [b.predicted, b.observed])),
        xAxis: { type: 'category', data: channel.bands.map((b) => bandLabel(b.from, b.to)) },
        series: [
          { name: t('calibration.predicted'), type: 'bar', data: channel.bands.map((b) => b.predicted), itemStyle: { color: PREDICTED } },
          { name: t('calibration.observed'), type: 'bar', data: channel.bands.map((b) => b.observed), itemStyle: { color: OBSERVED } },
        ],
      },
      // bars, not lines: a window with attempts between empty ones shows as clearly as the others
      windows: {
        tooltip, legend: { top: 0 }, grid, yAxis: shareAxis(windows.flatMap((w) => [w.predicted, w.observed])),
        xAxis: { type: 'category', data: windows.map((w) => report.windowMinutes * 12 > 24 * 60 ? dayAndTime(w.from, i18n.language) : timeOfDay(w.from, i18n.language)) },
        series: [
          { name: t('calibration.predicted'), type: 'bar', data: windows.map((w) => w.predicted), itemStyle: { color: PREDICTED } },
          { name: t('calibration.observed'), type: 'bar', data: windows.map((w) => w.observed), itemStyle: { color: OBSERVED } },
        ],
      },
    };
  }, [report, channel, t, i18n.language]);
  const few = channel.overall.attempts < MIN_ATTEMPTS;
  const overTime = report.windowMinutes % 60 === 0
    ? t('calibration.overTimeHours', { count: report.windowMinutes / 60 }) : t('calibration.overTimeMinutes', { count: report.windowMinutes });
  return (
    <>
      <div className="cards" data-testid="calibration-overall">
        <div className="card"><div className="card-label">{t('calibration.predicted')}</div><div className="card-value">{percent(channel.overall.predicted)}</div></div>
        <div className="card"><div className="card-label">{t('calibration.observed')}</div><div className="card-value">{percent(channel.overall.observed)}</div></div>
        <div className="card"><div className="card-label">{t('calibration.gap')}</div><div className="card-value">{formatGap(gapPoints(channel.overall))}<small> · {t(`calibration.verdict.${verdict(channel.overall)}`)}</small></div></div>
        <div className="card"><div className="card-label">{t('calibration.attempts')}</div><div className="card-value">{channel.overall.attempts}</div></div>
      </div>
      {few && <div className="state state-info">{t('calibration.tooFew', { count: channel.overall.attempts, min: MIN_ATTEMPTS })}</div>}
      <div className="charts">
        <div><h3>{t('calibration.byBand')}</h3><Chart option={charts.bands} label={t('calibration.byBand')} height={220} /></div>
        <div><h3>{overTime}</h3><Chart option={charts.windows} label={overTime} height={220} /></div>
      </div>
      <div className="two-col" style={{ marginTop: 10 }}>
        <div className="table-wrap">
          <table data-testid="calibration-bands">
            <thead><tr><th>{t('calibration.band')}</th><FigureHeaders /></tr></thead>
            <tbody>{channel.bands.map((b) => (
              <tr key={b.from}><td>{bandLabel(b.from, b.to)}</td><FigureCells figures={b} /></tr>
            ))}</tbody>
          </table>
        </div>
        <div className="table-wrap">
          <table data-testid="calibration-carriers">
            <thead><tr><th>{t('channels.carrier')}</th><FigureHeaders /></tr></thead>
            <tbody>{channel.carriers.map((c) => (
              <tr key={c.carrier}><td>{carrierName(c.carrier)}</td><FigureCells figures={c} /></tr>
            ))}</tbody>
          </table>
        </div>
      </div>
    </>
  );
}

/** A channel's predicted against observed success over a period a person picks, on the channel's page. */
export function CalibrationPanel({ code }: { code: string }) {
  const { t } = useTranslation();
  const [hours, setHours] = useState<number>(24);
  const report = useQuery({ queryKey: ['calibration', code, hours], queryFn: () => channelsApi.calibration(hours, code), refetchInterval: 60_000 });
  return (
    <section className="panel" data-testid="calibration" style={{ marginTop: 14 }}>
      <div className="panel-header">
        <h2 style={{ margin: 0 }}>{t('calibration.title')}</h2>
        <PeriodPicker hours={hours} onChange={setHours} />
      </div>
      <p className="small muted" style={{ marginTop: 0 }}>{t('calibration.about')}</p>
      <QueryView query={report}>
        {(r) => {
          const channel = channelOf(r, code);
          return channel ? <Figures report={r} channel={channel} /> : <Empty>{t('calibration.none', { period: t(`calibration.periods.${hours}`) })}</Empty>;
        }}
      </QueryView>
    </section>
  );
}
