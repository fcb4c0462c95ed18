import { useState } from 'react';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { dateTime, yuan } from '../shared/format';
import { Empty, ErrorBox, Loading, PageHeader, StatusBadge } from '../shared/ui';
import { usePermissions } from '../shared/UserContext';
import { AwaitingActions } from '../orders/AwaitingActions';
import { AnomalyPanel } from './AnomalyPanel';
import { kindsByCount, repairApi, totalAtStake, type Anomaly } from './api';
import { ResolveDialog } from './ResolveDialog';

export default function RepairPage() {
  const { t, i18n } = useTranslation();
  const permissions = usePermissions();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const kind = params.get('kind') ?? '';
  const status = params.get('status') ?? 'OPEN';
  const selected = params.get('anomaly') ? Number(params.get('anomaly')) : null;
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    Object.entries(changes).forEach(([k, v]) => (v ? next.set(k, v) : next.delete(k)));
    setParams(next);
  };
  const anomalies = useInfiniteQuery({
    queryKey: ['anomalies', 'list', status, kind],
    queryFn: ({ pageParam }) => repairApi.list({ status, kind, cursor: pageParam ?? undefined }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: 10_000,
  });
  const [resolving, setResolving] = useState<Anomaly | null>(null);
  const first = anomalies.data?.pages[0];
  const items = anomalies.data?.pages.flatMap((p) => p.items) ?? [];
  const kindLabel = (k: string) => t(`anomaly.${k}`, { defaultValue: k });
  return (
    <div className="page">
      <PageHeader title={t('repair.title')}>
        <div className="segmented" role="group" aria-label={t('orders.status')}>
          {['OPEN', 'RESOLVED'].map((s) => (
            <button key={s} type="button" className={status === s ? 'primary' : ''} onClick={() => set({ status: s === 'OPEN' ? null : s })}>
              {t(`repair.show.${s}`)}
            </button>
          ))}
        </div>
      </PageHeader>
      {first && (
        <div className="cards kind-cards" data-testid="anomaly-counts">
          <button type="button" className={`card card-button${kind === '' ? ' selected' : ''}`} onClick={() => set({ kind: null })}>
            <div className="card-label">{t('repair.allKinds')}</div>
            <div className="card-value">{Object.values(first.counts).reduce((a, b) => a + b, 0)} <small>{t('repair.openCount')}</small></div>
            <div className="small muted">{t('repair.atStakeTotal', { amount: yuan(totalAtStake(first.amountAtStake)) })}</div>
          </button>
          {kindsByCount(first.counts).filter((k) => k.open > 0 || k.kind === kind).map(({ kind: k, open }) => (
            <button key={k} type="button" className={`card card-button${kind === k ? ' selected' : ''}`} onClick={() => set({ kind: k })}>
              <div className="card-label">{kindLabel(k)}</div>
              <div className="card-value">{open} <small>{t('repair.openCount')}</small></div>
              <div className="small muted">{t('repair.atStakeTotal', { amount: yuan(first.amountAtStake[k] ?? 0) })}</div>
            </button>
          ))}
        </div>
      )}
      {selected !== null && !Number.isNaN(selected) && (
        <AnomalyPanel id={selected} canResolve={permissions.actOnOrders} onResolve={setResolving} onClose={() => set({ anomaly: null })} />
      )}
      {anomalies.isPending ? <Loading /> : anomalies.isError ? <ErrorBox error={anomalies.error} onRetry={() => void anomalies.refetch()} /> : items.length === 0 ? (
        <Empty>{status === 'OPEN' ? t('repair.none') : t('repair.noneResolved')}</Empty>
      ) : (
        <div className="table-wrap">
          <table data-testid="anomalies">
            <thead><tr>
              <th>#</th><th>{t('repair.kind')}</th><th>{t('repair.order')}</th><th>{t('orders.merchant')}</th><th className="num">{t('repair.atStake')}</th>
              <th>{t('repair.decided')}</th><th>{t('repair.created')}</th><th>{t('orders.status')}</th><th />
            </tr></thead>
            <tbody>{items.map((a) => (
              <tr key={a.id} className={`clickable${selected === a.id ? ' selected' : ''}`} onClick={() => set({ anomaly: String(a.id) })}>
                <td>{a.id}</td>
                <td>{kindLabel(a.kind)}</td>
                <td onClick={(e) => e.stopPropagation()}><Link to={`/orders/${a.orderId}`}><code>{a.orderId}</code></Link> <StatusBadge status={a.orderStatus} /></td>
                <td>{a.merchant ?? '—'}</td>
                <td className="num">{a.amountAtStake > 0 ? yuan(a.amountAtStake) : '—'}</td>
                <td className="wrap">{a.action ? t(`repairAction.${a.action}`, { defaultValue: a.action }) : '—'}{a.reason && <div className="small muted">{a.reason}</div>}</td>
                <td>{dateTime(a.createdAt, i18n.language)}</td>
                <td><StatusBadge status={a.status} />{a.resolution && <div className="small muted">{t(`repair.resolutions.${a.resolution}`, { defaultValue: a.resolution })}</div>}</td>
                <td onClick={(e) => e.stopPropagation()}>{permissions.actOnOrders && a.status === 'OPEN' && (a.resolutions?.length ?? 0) > 0 && (
                  <button type="button" onClick={() => setResolving(a)}>{t('repair.resolve')}</button>
                )}</td>
              </tr>
            ))}</tbody>
          </table>
          {anomalies.hasNextPage && <p><button type="button" onClick={() => void anomalies.fetchNextPage()} disabled={anomalies.isFetchingNextPage}>{anomalies.isFetchingNextPage ? t('state.loading') : t('action.more')}</button></p>}
        </div>
      )}
      <div style={{ marginTop: 14 }}><AwaitingActions /></div>
      {resolving && (
        <ResolveDialog anomaly={resolving} onClose={() => setResolving(null)}
          onDone={async () => { await queryClient.invalidateQueries({ queryKey: ['anomalies'] }); }} />
      )}
    </div>
  );
}
