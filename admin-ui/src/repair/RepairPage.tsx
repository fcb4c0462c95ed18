import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api, post } from '../shared/api';
import { dateTime, yuan } from '../shared/format';
import { Empty, PageHeader, QueryView, ReasonDialog, StatusBadge } from '../shared/ui';
import { usePermissions, useUser } from '../shared/UserContext';
import { ordersApi, type OperatorAction } from '../orders/api';

interface Anomaly {
  id: number; kind: string; orderId: string; status: string; action: string | null;
  details: Record<string, unknown>; createdAt: string; resolvedAt: string | null;
}

const RESOLUTIONS = ['RECHARGE_MERCHANT', 'WRITE_OFF', 'DISMISS'] as const;

/** Money at stake in an anomaly: what the channel reported beyond the order, or the order's face value. */
export function atStake(a: Pick<Anomaly, 'details'>): number | null {
  const d = a.details ?? {};
  const num = (k: string) => (typeof d[k] === 'number' ? (d[k] as number) : null);
  const expected = num('expectedAmount') ?? num('faceValue') ?? num('amount');
  const reported = num('reportedAmount');
  if (expected !== null && reported !== null) return Math.abs(reported - expected);
  return expected;
}

function AwaitingActions() {
  const { t, i18n } = useTranslation();
  const user = useUser();
  const permissions = usePermissions();
  const queryClient = useQueryClient();
  const awaiting = useQuery({ queryKey: ['actions', 'awaiting'], queryFn: ordersApi.awaiting, refetchInterval: 10_000 });
  const [confirming, setConfirming] = useState<OperatorAction | null>(null);
  return (
    <section className="panel">
      <h2>{t('repair.fourEyes')}</h2>
      <QueryView query={awaiting} isEmpty={(d) => (Array.isArray(d) ? d : d.items).length === 0} empty={t('repair.noneAwaiting')}>
        {(d) => (
          <table><thead><tr><th>{t('repair.action')}</th><th>{t('repair.order')}</th><th className="num">{t('repair.amount')}</th><th>{t('repair.requestedBy')}</th><th>{t('repair.reason')}</th><th>{t('repair.created')}</th><th /></tr></thead>
            <tbody>{(Array.isArray(d) ? d : d.items).map((a) => (
              <tr key={a.id}>
                <td>{a.kind}</td><td>{a.orderId ? <Link to={`/orders/${a.orderId}`}>{a.orderId}</Link> : '—'}</td><td className="num">{yuan(a.amount)}</td>
                <td>{a.requestedBy ?? '—'}</td><td className="wrap">{a.reason ?? '—'}</td><td>{dateTime(a.createdAt, i18n.language)}</td>
                <td>{permissions.actOnOrders && (a.requestedBy === user.username ? <span className="muted small">{t('repair.ownRequest')}</span> : (
                  <button type="button" className="primary" onClick={() => setConfirming(a)}>{t('repair.confirm')}</button>
                ))}</td>
              </tr>
            ))}</tbody></table>
        )}
      </QueryView>
      {confirming && (
        <ReasonDialog required={false} title={t('repair.confirmTitle', { kind: confirming.kind })} intro={<p>{t('repair.confirmIntro')}</p>}
          label={t('repair.note')} confirmLabel={t('repair.confirm')}
          onSubmit={async () => { await ordersApi.confirm(confirming.id); await queryClient.invalidateQueries({ queryKey: ['actions'] }); }}
          onClose={() => setConfirming(null)} />
      )}
    </section>
  );
}

export default function RepairPage() {
  const { t, i18n } = useTranslation();
  const permissions = usePermissions();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState('');
  const anomalies = useQuery({
    queryKey: ['anomalies', kind],
    queryFn: () => api<{ items: Anomaly[]; counts: Record<string, number>; nextCursor: string | null }>('/anomalies', { query: { status: 'OPEN', kind } }),
    refetchInterval: 10_000,
  });
  const [resolving, setResolving] = useState<Anomaly | null>(null);
  const [resolution, setResolution] = useState<(typeof RESOLUTIONS)[number]>('DISMISS');
  return (
    <div className="page">
      <PageHeader title={t('repair.title')} />
      <QueryView query={anomalies}>
        {(d) => (
          <>
            <div className="toolbar">
              <button type="button" className={kind === '' ? 'primary' : ''} onClick={() => setKind('')}>{t('common.all')}</button>
              {Object.entries(d.counts ?? {}).map(([k, n]) => (
                <button key={k} type="button" className={kind === k ? 'primary' : ''} onClick={() => setKind(k)}>{t(`anomaly.${k}`, { defaultValue: k })} ({n})</button>
              ))}
            </div>
            {d.items.length === 0 ? <Empty>{t('repair.none')}</Empty> : (
              <div className="table-wrap"><table data-testid="anomalies">
                <thead><tr><th>{t('repair.kind')}</th><th>{t('repair.order')}</th><th className="num">{t('repair.atStake')}</th><th>{t('repair.decided')}</th><th>{t('repair.created')}</th><th>{t('orders.status')}</th><th /></tr></thead>
                <tbody>{d.items.map((a) => (
                  <tr key={a.id}>
                    <td>{t(`anomaly.${a.kind}`, { defaultValue: a.kind })}</td>
                    <td><Link to={`/orders/${a.orderId}`}>{a.orderId}</Link></td>
                    <td className="num">{yuan(atStake(a))}</td><td>{a.action ?? '—'}</td><td>{dateTime(a.createdAt, i18n.language)}</td>
                    <td><StatusBadge status={a.status} /></td>
                    <td>{permissions.actOnOrders && <button type="button" onClick={() => setResolving(a)}>{t('repair.resolve')}</button>}</td>
                  </tr>
                ))}</tbody>
              </table></div>
            )}
          </>
        )}
      </QueryView>
      <AwaitingActions />
      {resolving && (
        <ReasonDialog title={t('repair.resolveTitle', { kind: t(`anomaly.${resolving.kind}`, { defaultValue: resolving.kind }), order: resolving.orderId })}
          label={t('repair.reason')} confirmLabel={t('repair.resolve')}
          onSubmit={async (reason) => {
            await post(`/anomalies/${resolving.id}/resolve`, { resolution, reason });
            await queryClient.invalidateQueries({ queryKey: ['anomalies'] });
          }}
          onClose={() => setResolving(null)}>
          <label className="field-label">{t('repair.resolution')}
            <select value={resolution} onChange={(e) => setResolution(e.target.value as typeof resolution)}>
              {RESOLUTIONS.map((r) => <option key={r} value={r}>{t(`repair.resolutions.${r}`)}</option>)}
            </select>
          </label>
        </ReasonDialog>
      )}
    </div>
  );
}
