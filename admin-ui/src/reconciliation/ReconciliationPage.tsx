import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { dateTime, yuan } from '../shared/format';
import { Empty, ErrorBox, PageHeader, QueryView, StatusBadge } from '../shared/ui';
import { usePermissions } from '../shared/UserContext';
import { channelsApi } from '../channels/api';
import { gap, reconciliationApi, yesterdayUtc, type ReconciliationReport } from './api';

function Report({ report }: { report: ReconciliationReport }) {
  const { t, i18n } = useTranslation();
  const { run, differences, openClaims } = report;
  const difference = gap(run);
  return (
    <>
      <div className="cards" data-testid="reconciliation-run">
        <div className="card"><div className="card-label">{t('reconciliation.status')}</div><div className="card-value"><StatusBadge status={run.status} /></div>
          <div className="small muted">{run.startedBy} · {dateTime(run.finishedAt ?? run.startedAt, i18n.language)}</div></div>
        <div className="card"><div className="card-label">{t('reconciliation.lines')}</div><div className="card-value">{run.statementLines}</div>
          <div className="small muted">{t('reconciliation.matched', { count: run.matched })}</div></div>
        <div className="card"><div className="card-label">{t('reconciliation.differences')}</div><div className="card-value">{run.differences}</div></div>
        <div className="card"><div className="card-label">{t('reconciliation.statementTotal')}</div><div className="card-value">{yuan(run.statementTotal)}</div></div>
        <div className="card"><div className="card-label">{t('reconciliation.ourTotal')}</div><div className="card-value">{yuan(run.ourTotal)}</div>
          <div className={`small ${difference === 0 ? 'ok' : 'error-text'}`}>{difference === 0 ? t('reconciliation.even') : t('reconciliation.gap', { amount: yuan(difference) })}</div></div>
      </div>
      {run.error && <ErrorBox error={new Error(run.error)} />}
      <section className="panel">
        <h2>{t('reconciliation.differences')}</h2>
        {differences.length === 0 ? <Empty>{t('reconciliation.noDifferences')}</Empty> : (
          <div className="table-wrap"><table data-testid="differences">
            <thead><tr><th>{t('repair.kind')}</th><th>{t('repair.order')}</th><th>{t('reconciliation.reference')}</th>
              <th className="num">{t('reconciliation.statementAmount')}</th><th className="num">{t('reconciliation.ourAmount')}</th>
              <th>{t('reconciliation.statementStatus')}</th><th>{t('reconciliation.ourStatus')}</th><th>{t('reconciliation.anomaly')}</th></tr></thead>
            <tbody>{differences.map((d) => (
              <tr key={`${d.kind}-${d.reference}`}>
                <td>{t(`anomaly.${d.kind}`, { defaultValue: d.kind })}</td>
                <td>{d.orderId ? <Link to={`/orders/${d.orderId}`}><code>{d.orderId}</code></Link> : '—'}</td>
                <td><code>{d.reference}</code>{d.channelReference && <div className="small muted">{d.channelReference}</div>}</td>
                <td className="num">{yuan(d.statementAmount)}</td><td className="num">{yuan(d.ourAmount)}</td>
                <td>{d.statementStatus ? <StatusBadge status={d.statementStatus} /> : '—'}</td><td><StatusBadge status={d.ourStatus} /></td>
                <td>{d.anomalyId ? <><Link to={`/repair?anomaly=${d.anomalyId}`}>#{d.anomalyId}</Link> <StatusBadge status={d.anomalyStatus} /></> : '—'}</td>
              </tr>
            ))}</tbody>
          </table></div>
        )}
      </section>
      <section className="panel">
        <h2>{t('reconciliation.claims')}</h2>
        {openClaims.length === 0 ? <Empty>{t('reconciliation.noClaims')}</Empty> : (
          <div className="table-wrap"><table>
            <thead><tr><th>{t('repair.order')}</th><th>{t('reconciliation.reference')}</th><th className="num">{t('repair.amount')}</th><th>{t('orders.status')}</th><th>{t('repair.created')}</th><th>{t('reconciliation.anomaly')}</th></tr></thead>
            <tbody>{openClaims.map((c) => (
              <tr key={c.id}>
                <td><Link to={`/orders/${c.orderId}`}><code>{c.orderId}</code></Link></td><td><code>{c.reference}</code></td>
                <td className="num">{yuan(c.amount)}</td><td><StatusBadge status={c.status} /></td><td>{dateTime(c.createdAt, i18n.language)}</td>
                <td><Link to={`/repair?anomaly=${c.anomalyId}`}>#{c.anomalyId}</Link></td>
              </tr>
            ))}</tbody>
          </table></div>
        )}
      </section>
    </>
  );
}

/** Supplier statements against the platform's records: recent runs, one channel's day in full, a run on demand. */
export default function ReconciliationPage() {
  const { t, i18n } = useTranslation();
  const permissions = usePermissions();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const channel = params.get('channel') ?? '';
  const date = params.get('date') ?? '';
  const [form, setForm] = useState({ channel, date: date || yesterdayUtc() });
  const recent = useQuery({ queryKey: ['reconciliation', 'recent'], queryFn: () => reconciliationApi.recent() });
  const report = useQuery({ queryKey: ['reconciliation', channel, date], queryFn: () => reconciliationApi.report(channel, date),
    enabled: channel !== '' && date !== '' });
  const run = useMutation({
    mutationFn: () => reconciliationApi.run(form.channel.trim(), form.date),
    onSuccess: async (answer) => {
      queryClient.setQueryData(['reconciliation', answer.run.channel, answer.run.date], answer);
      setParams({ channel: answer.run.channel, date: answer.run.date });
      await queryClient.invalidateQueries({ queryKey: ['reconciliation', 'recent'] });
    },
  });
  const configured = useQuery({ queryKey: ['channels', 'health'], queryFn: () => channelsApi.all() });
  const channels = [...new Set([...(configured.data ?? []).map((c) => c.channel.code),
    ...(recent.data ?? []).map((r) => r.channel)])].sort();
  return (
    <div className="page">
      <PageHeader title={t('reconciliation.title')} />
      <form className="filters" onSubmit={(e) => { e.preventDefault(); setParams({ channel: form.channel.trim(), date: form.date }); }}>
        <label>{t('orders.channel')}<input list="reconciliation-channels" value={form.channel} required placeholder="sim-fast"
          onChange={(e) => setForm({ ...form, channel: e.target.value })} /></label>
        <datalist id="reconciliation-channels">{channels.map((c) => <option key={c} value={c} />)}</datalist>
        <label>{t('reconciliation.date')}<input type="date" value={form.date} required onChange={(e) => setForm({ ...form, date: e.target.value })} /></label>
        <button type="submit" className="primary">{t('reconciliation.show')}</button>
        {permissions.runReconciliation && (
          <button type="button" disabled={run.isPending || !form.channel.trim() || !form.date} onClick={() => run.mutate()}>
            {run.isPending ? t('state.working') : t('reconciliation.runNow')}
          </button>
        )}
        <span className="small muted">{t('reconciliation.hint')}</span>
      </form>
      {run.isError && <ErrorBox error={run.error} />}
      {channel && date ? (
        <QueryView query={report}>{(r) => <Report report={r} />}</QueryView>
      ) : null}
      <section className="panel" style={{ marginTop: 14 }}>
        <h2>{t('reconciliation.recent')}</h2>
        <QueryView query={recent} isEmpty={(runs) => runs.length === 0} empty={t('reconciliation.noRuns')}>
          {(runs) => (
            <div className="table-wrap"><table data-testid="reconciliation-runs">
              <thead><tr><th>{t('reconciliation.date')}</th><th>{t('orders.channel')}</th><th>{t('reconciliation.status')}</th>
                <th className="num">{t('reconciliation.lines')}</th><th className="num">{t('reconciliation.differences')}</th>
                <th className="num">{t('reconciliation.statementTotal')}</th><th className="num">{t('reconciliation.ourTotal')}</th><th>{t('reconciliation.startedBy')}</th></tr></thead>
              <tbody>{runs.map((r) => (
                <tr key={r.id} className={`clickable${r.channel === channel && r.date === date ? ' selected' : ''}`}
                  onClick={() => { setForm({ channel: r.channel, date: r.date }); setParams({ channel: r.channel, date: r.date }); }}>
                  <td>{r.date}</td><td>{r.channel}</td><td><StatusBadge status={r.status} /></td><td className="num">{r.statementLines}</td>
                  <td className="num">{r.differences}</td><td className="num">{yuan(r.statementTotal)}</td><td className="num">{yuan(r.ourTotal)}</td>
                  <td>{r.startedBy}<div className="small muted">{dateTime(r.startedAt, i18n.language)}</div></td>
                </tr>
              ))}</tbody>
            </table></div>
          )}
        </QueryView>
      </section>
    </div>
  );
}
