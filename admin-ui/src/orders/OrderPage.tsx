import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { carrierName, dateTime, yuan } from '../shared/format';
import { PageHeader, QueryView, StatusBadge } from '../shared/ui';
import { usePermissions } from '../shared/UserContext';
import { ActionDialog } from './ActionDialog';
import { actionPath, actionsFor, ordersApi, type ActionKind, type OperatorAction } from './api';
import { AttemptsTable } from './AttemptsTable';
import { AwaitingActions } from './AwaitingActions';
import { Timeline } from './Timeline';

function ActionResult({ action }: { action: OperatorAction }) {
  const { t, i18n } = useTranslation();
  const name = t(`order.action.${actionPath(action.kind)}`, { defaultValue: action.kind });
  const waiting = action.status === 'AWAITING_SECOND_OPERATOR';
  return (
    <div className={`state ${waiting ? 'state-info' : 'state-ok'}`} role="status" data-testid="action-result">
      {waiting ? t('order.awaitingSecond', { action: name }) : t('order.actionDone', { action: name })}
      {/* The server words its outcome in English; the order's status above says the same in Chinese. */}
      {action.outcome && !waiting && i18n.language.startsWith('en') && <span className="muted"> {action.outcome}</span>}
    </div>
  );
}

export default function OrderPage() {
  const { t, i18n } = useTranslation();
  const { orderId = '' } = useParams();
  const permissions = usePermissions();
  const queryClient = useQueryClient();
  const explained = useQuery({ queryKey: ['order', orderId], queryFn: () => ordersApi.one(orderId), refetchInterval: 5_000 });
  const awaiting = useQuery({ queryKey: ['actions', 'awaiting', orderId], queryFn: () => ordersApi.awaiting(orderId),
    enabled: permissions.actOnOrders, refetchInterval: 10_000 });
  const waitingForSecond = (awaiting.data?.length ?? 0) > 0;
  const [action, setAction] = useState<ActionKind | null>(null);
  const [done, setDone] = useState<OperatorAction | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['order', orderId] });
  return (
    <div className="page">
      <QueryView query={explained}>
        {(data) => {
          const { order: o, attempts, timeline } = data;
          return (
            <>
              <PageHeader title={t('order.title', { id: o.orderId })}>
                <StatusBadge status={o.status} />
                <Link to="/orders">{t('order.back')}</Link>
                {permissions.actOnOrders && actionsFor(o.status).map((a) => (
                  <button key={a} type="button" className={a === 'refund' ? 'danger' : ''} onClick={() => setAction(a)}
                    disabled={waitingForSecond} title={waitingForSecond ? t('order.decideFirst') : undefined}>{t(`order.action.${a}`)}</button>
                ))}
              </PageHeader>
              {done && <ActionResult action={done} />}
              {o.status === 'REVIEW' && !done && <div className="state state-warning">{t('order.inReview')}</div>}
              <dl className="meta" data-testid="order-meta">
                <dt>{t('orders.merchant')}</dt><dd>{o.merchant ?? '—'}</dd>
                <dt>{t('orders.merchantOrderId')}</dt><dd>{o.merchantOrderId}</dd>
                <dt>{t('orders.phone')}</dt><dd>{o.phone}</dd>
                <dt>{t('orders.carrier')}</dt><dd>{carrierName(o.carrier)}{o.province ? ` · ${o.province}` : ''}</dd>
                <dt>{t('orders.faceValue')}</dt><dd>{yuan(o.faceValue)}</dd>
                <dt>{t('orders.price')}</dt><dd>{yuan(o.price)}</dd>
                <dt>{t('orders.channel')}</dt><dd>{o.channel ?? '—'}</dd>
                <dt>{t('orders.created')}</dt><dd>{dateTime(o.createdAt, i18n.language)}</dd>
                <dt>{t('order.finished')}</dt><dd>{dateTime(o.finishedAt, i18n.language)}</dd>
                <dt>{t('order.failureCode')}</dt><dd>{o.failureCode ?? '—'}</dd>
              </dl>
              <div style={{ marginTop: 14 }}>
                <AwaitingActions orderId={o.orderId} onDecided={() => { setDone(null); void refresh(); }} />
              </div>
              <section className="panel" style={{ marginTop: 14 }}>
                <h2>{t('order.attempts')}</h2>
                <AttemptsTable attempts={attempts} />
              </section>
              <section className="panel">
                <h2>{t('order.timeline')}</h2>
                <Timeline entries={timeline} />
              </section>
              {action && (
                <ActionDialog
                  action={action}
                  explained={data}
                  onDone={async (answer) => {
                    setDone(answer.action);
                    await queryClient.invalidateQueries({ queryKey: ['actions'] });
                    await refresh();
                  }}
                  onClose={() => setAction(null)}
                />
              )}
            </>
          );
        }}
      </QueryView>
    </div>
  );
}
