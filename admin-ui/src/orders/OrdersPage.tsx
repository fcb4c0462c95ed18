import { useState } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { carrierName, CARRIERS, dateTime, localInputToIso, yuan } from '../shared/format';
import { Empty, ErrorBox, Loading, PageHeader, StatusBadge } from '../shared/ui';
import { ANOMALY_KINDS } from '../repair/api';
import { ordersApi } from './api';

const FILTERS = ['status', 'merchant', 'merchantOrderId', 'phone', 'carrier', 'channel', 'anomaly', 'from', 'to'] as const;
const STATUSES = ['PENDING', 'PROCESSING', 'SUCCEEDED', 'FAILED', 'REVIEW'];

export default function OrdersPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const applied = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ''])) as Record<(typeof FILTERS)[number], string>;
  const [form, setForm] = useState(applied);
  const query = { ...applied, from: localInputToIso(applied.from), to: localInputToIso(applied.to), limit: '50' };
  const orders = useInfiniteQuery({
    queryKey: ['orders', query],
    queryFn: ({ pageParam }) => ordersApi.search({ ...query, cursor: pageParam ?? undefined }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const field = (name: (typeof FILTERS)[number]) => ({
    value: form[name],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setForm({ ...form, [name]: e.target.value }),
  });
  const items = orders.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="page">
      <PageHeader title={t('orders.title')} />
      <form className="filters" onSubmit={(e) => {
        e.preventDefault();
        setParams(Object.fromEntries(Object.entries(form).filter(([, v]) => v)));
      }}>
        <label>{t('orders.status')}<select {...field('status')}><option value="">{t('common.all')}</option>{STATUSES.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}</select></label>
        <label>{t('orders.merchant')}<input {...field('merchant')} placeholder="demo-merchant" /></label>
        <label>{t('orders.merchantOrderId')}<input {...field('merchantOrderId')} /></label>
        <label>{t('orders.phone')}<input {...field('phone')} placeholder={t('orders.phoneHint')} /></label>
        <label>{t('orders.carrier')}<select {...field('carrier')}><option value="">{t('common.all')}</option>{CARRIERS.map((c) => <option key={c} value={c}>{carrierName(c)}</option>)}</select></label>
        <label>{t('orders.channel')}<input {...field('channel')} placeholder="sim-fast" /></label>
        <label>{t('orders.anomaly')}<select {...field('anomaly')}><option value="">{t('common.all')}</option>{ANOMALY_KINDS.map((k) => <option key={k} value={k}>{t(`anomaly.${k}`)}</option>)}</select></label>
        <label>{t('orders.from')}<input type="datetime-local" {...field('from')} /></label>
        <label>{t('orders.to')}<input type="datetime-local" {...field('to')} /></label>
        <button type="submit" className="primary">{t('action.search')}</button>
        <button type="button" onClick={() => { setForm(Object.fromEntries(FILTERS.map((f) => [f, ''])) as typeof form); setParams({}); }}>{t('action.reset')}</button>
      </form>
      {orders.isPending ? <Loading /> : orders.isError ? <ErrorBox error={orders.error} onRetry={() => void orders.refetch()} /> : items.length === 0 ? (
        <Empty>{t('orders.none')}</Empty>
      ) : (
        <div className="table-wrap">
          <table data-testid="orders">
            <thead><tr><th>{t('orders.orderId')} / {t('orders.merchantOrderId')}</th><th>{t('orders.merchant')}</th><th>{t('orders.phone')}</th><th>{t('orders.carrier')}</th><th className="num">{t('orders.faceValue')}</th><th className="num">{t('orders.price')}</th><th>{t('orders.status')}</th><th>{t('orders.channel')}</th><th>{t('orders.created')}</th></tr></thead>
            <tbody>
              {items.map((o) => (
                <tr key={o.orderId} className="clickable" onClick={() => navigate(`/orders/${o.orderId}`)}>
                  <td><code>{o.orderId}</code><div className="small muted">{o.merchantOrderId}</div></td><td>{o.merchant ?? '—'}</td><td>{o.phone}</td>
                  <td>{carrierName(o.carrier)}{o.province ? ` · ${o.province}` : ''}</td><td className="num">{yuan(o.faceValue)}</td><td className="num">{yuan(o.price)}</td>
                  <td><StatusBadge status={o.status} /></td><td>{o.channel ?? '—'}</td><td>{dateTime(o.createdAt, i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {orders.hasNextPage && <p><button type="button" onClick={() => void orders.fetchNextPage()} disabled={orders.isFetchingNextPage}>{orders.isFetchingNextPage ? t('state.loading') : t('action.more')}</button></p>}
        </div>
      )}
    </div>
  );
}
