import { useMemo, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Chart } from '../shared/Chart';
import { basisPoints, carrierName, CARRIERS, dateTime, millis, percent, yuan, parseYuan } from '../shared/format';
import { Dialog, Empty, ErrorBox, PageHeader, QueryView } from '../shared/ui';
import { usePermissions } from '../shared/UserContext';
import { channelsApi, measured, type ChannelView } from './api';
import { CalibrationPanel } from './CalibrationPanel';
import { channelCharts } from './charts';
import { CircuitBadge } from './CircuitBadge';

function TermsDialog({ channel, onClose }: { channel: ChannelView; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [costRate, setCostRate] = useState((channel.costRateBp / 100).toFixed(2));
  const [capacity, setCapacity] = useState(String(channel.capacity));
  const [quota, setQuota] = useState(channel.dailyQuota ? (channel.dailyQuota / 100).toFixed(2) : '');
  const [timeoutMs, setTimeoutMs] = useState(String(channel.timeoutMs));
  const [carriers, setCarriers] = useState<string[]>(channel.carriers);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const costBp = Math.round(Number(costRate) * 100);
  const quotaFen = quota.trim() ? parseYuan(quota) : null;
  const invalid = !(costBp > 0 && costBp <= 20000) || !(Number(capacity) > 0) || (quota.trim() !== '' && quotaFen === null) || !(Number(timeoutMs) > 0) || carriers.length === 0;
  const changes = [
    costBp !== channel.costRateBp && `${t('channels.cost')}: ${basisPoints(channel.costRateBp)} → ${basisPoints(costBp)}`,
    Number(capacity) !== channel.capacity && `${t('channels.capacity')}: ${channel.capacity} → ${capacity}`,
    quotaFen !== (channel.dailyQuota ?? null) && `${t('channels.dailyQuota')}: ${channel.dailyQuota ? yuan(channel.dailyQuota) : '—'} → ${quotaFen ? yuan(quotaFen) : '—'}`,
    Number(timeoutMs) !== channel.timeoutMs && `${t('channels.timeout')}: ${channel.timeoutMs} → ${timeoutMs} ms`,
    carriers.join() !== channel.carriers.join() && `${t('channels.carriers')}: ${channel.carriers.map(carrierName).join('、')} → ${carriers.map(carrierName).join('、')}`,
  ].filter(Boolean) as string[];
  const save = async () => {
    setError(null);
    try {
      await channelsApi.save(channel.code, { costRateBp: costBp, capacity: Number(capacity), dailyQuota: quotaFen, timeoutMs: Number(timeoutMs), carriers });
      await queryClient.invalidateQueries({ queryKey: ['channels'] });
      onClose();
    } catch (e) {
      setError(e);
      setConfirming(false);
    }
  };
  return (
    <Dialog title={t('channels.editTitle', { code: channel.code })} onClose={onClose}
      actions={confirming ? (
        <><button type="button" onClick={() => setConfirming(false)}>{t('action.cancel')}</button>
          <button type="button" className="primary" onClick={() => void save()}>{t('channels.confirmSave')}</button></>
      ) : (
        <><button type="button" onClick={onClose}>{t('action.cancel')}</button>
          <button type="button" className="primary" disabled={invalid || changes.length === 0} onClick={() => setConfirming(true)}>{t('channels.review')}</button></>
      )}>
      {confirming ? (
        <><p>{t('channels.confirmIntro')}</p><ul>{changes.map((c) => <li key={c}>{c}</li>)}</ul></>
      ) : (
        <div className="form-grid">
          <label className="field-label">{t('channels.cost')} (%)<input value={costRate} onChange={(e) => setCostRate(e.target.value)} /></label>
          <label className="field-label">{t('channels.capacity')}<input value={capacity} onChange={(e) => setCapacity(e.target.value)} /></label>
          <label className="field-label">{t('channels.dailyQuota')} (¥)<input value={quota} placeholder={t('channels.noQuota')} onChange={(e) => setQuota(e.target.value)} /></label>
          <label className="field-label">{t('channels.timeout')} (ms)<input value={timeoutMs} onChange={(e) => setTimeoutMs(e.target.value)} /></label>
          <fieldset><legend className="field-label">{t('channels.carriers')}</legend>
            {CARRIERS.map((c) => (
              <label key={c} className="check"><input type="checkbox" checked={carriers.includes(c)}
                onChange={(e) => setCarriers(e.target.checked ? [...carriers, c].sort() : carriers.filter((x) => x !== c))} /> {carrierName(c)}</label>
            ))}
          </fieldset>
          {invalid && <div className="state state-warning">{t('channels.invalidTerms')}</div>}
        </div>
      )}
      {error !== null && <ErrorBox error={error} />}
    </Dialog>
  );
}

export default function ChannelPage() {
  const { t, i18n } = useTranslation();
  const { code = '' } = useParams();
  const permissions = usePermissions();
  const over = useQuery({ queryKey: ['channels', code], queryFn: () => channelsApi.one(code), refetchInterval: 10_000 });
  const [editing, setEditing] = useState(false);
  const charts = useMemo(() => (over.data ? channelCharts(over.data, i18n.language) : null), [over.data, i18n.language]);
  return (
    <div className="page">
      <QueryView query={over}>
        {(d) => {
          const now = measured(d.now.figures);
          return (
            <>
              <PageHeader title={`${d.now.channel.code} · ${d.now.channel.name}`}>
                <CircuitBadge state={d.now.circuitState} />
                <Link to="/channels">{t('channels.all')}</Link>
                {permissions.editChannels && <button type="button" onClick={() => setEditing(true)}>{t('channels.editTerms')}</button>}
              </PageHeader>
              <div className="cards">
                <div className="card"><div className="card-label">{t('channels.recentSuccess')}</div><div className="card-value">{percent(now.successRate)}<small> · {t('channels.finished', { count: d.now.figures.finished })}</small></div><div className="small muted">{t('channels.routingEstimate', { rate: percent(d.now.figures.successRate) })}</div></div>
                <div className="card"><div className="card-label">{t('channels.recentLatency')}</div><div className="card-value">{now.successRate === null ? '—' : `${millis(now.latencyP50Millis)} / ${millis(now.latencyP95Millis)}`}</div></div>
                <div className="card"><div className="card-label">{t('channels.inFlight')}</div><div className="card-value">{d.now.figures.inFlight} / {d.now.channel.capacity}</div></div>
                <div className="card"><div className="card-label">{t('channels.quotaUsed')}</div><div className="card-value">{yuan(d.now.figures.usedToday)}<small>{d.now.channel.dailyQuota ? ` / ${yuan(d.now.channel.dailyQuota)}` : ` · ${t('channels.noQuota')}`}</small></div></div>
                <div className="card"><div className="card-label">{t('channels.cost')}</div><div className="card-value">{basisPoints(d.now.channel.costRateBp)}</div></div>
              </div>
              <section className="panel">
                <h2>{t('channels.byCarrier')}</h2>
                {Object.keys(d.now.figures.byCarrier).length === 0 ? <Empty>{t('channels.noTraffic')}</Empty> : (
                  <table><thead><tr><th>{t('channels.carrier')}</th><th className="num">{t('channels.successRate')}</th><th className="num">p50</th><th className="num">p95</th><th className="num">{t('channels.inFlightNow')}</th><th className="num">{t('channels.finishedHeader')}</th></tr></thead>
                    <tbody>{Object.entries(d.now.figures.byCarrier).map(([carrier, f]) => {
                      const m = measured(f);
                      return (
                        <tr key={carrier}><td>{carrierName(carrier)}</td><td className="num">{percent(m.successRate)}</td><td className="num">{millis(m.latencyP50Millis)}</td><td className="num">{millis(m.latencyP95Millis)}</td><td className="num">{f.inFlight}</td><td className="num">{f.finished}</td></tr>
                      );
                    })}</tbody></table>
                )}
              </section>
              {charts === null ? <div className="state state-info">{t('channels.noTrafficHour')}</div> : (
                <div className="charts" data-testid="minute-charts">
                  <section className="panel"><h2>{t('channels.successOverTime')}</h2><Chart option={charts.success} label={t('channels.successOverTime')} /></section>
                  <section className="panel"><h2>{t('channels.latencyOverTime')}</h2><Chart option={charts.latency} label={t('channels.latencyOverTime')} /></section>
                </div>
              )}
              <CalibrationPanel code={d.now.channel.code} />
              <section className="panel">
                <h2>{t('channels.circuitHistory')}</h2>
                {d.circuitChanges.length === 0 ? <Empty>{t('channels.neverOpened')}</Empty> : (
                  <table><thead><tr><th>{t('channels.at')}</th><th>{t('channels.change')}</th><th>{t('channels.reason')}</th><th>{t('channels.actor')}</th></tr></thead>
                    <tbody>{d.circuitChanges.map((c, i) => (
                      <tr key={i}><td>{dateTime(c.at, i18n.language)}</td><td><CircuitBadge state={c.from} /> → <CircuitBadge state={c.to} /></td><td className="wrap">{c.reason}</td><td>{c.actor}</td></tr>
                    ))}</tbody></table>
                )}
              </section>
              {editing && <TermsDialog channel={d.now.channel} onClose={() => setEditing(false)} />}
            </>
          );
        }}
      </QueryView>
    </div>
  );
}
