import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { carrierName, dateTime, millis, yuan } from '../shared/format';
import { Empty, PageHeader, QueryView, ReasonDialog, StatusBadge } from '../shared/ui';
import { usePermissions } from '../shared/UserContext';
import { actionsFor, newActionId, ordersApi, type ActionKind, type OperatorAction } from './api';

export default function OrderPage() {
  const { t, i18n } = useTranslation();
  const { orderId = '' } = useParams();
  const permissions = usePermissions();
  const queryClient = useQueryClient();
  const order = useQuery({ queryKey: ['order', orderId], queryFn: () => ordersApi.one(orderId), refetchInterval: 5_000 });
  const [action, setAction] = useState<ActionKind | null>(null);
  const [done, setDone] = useState<OperatorAction | null>(null);
  return (
    <div className="page">
      <QueryView query={order}>
        {({ order: o, attempts, timeline }) => (
          <>
            <PageHeader title={t('order.title', { id: o.orderId })}>
              <StatusBadge status={o.status} />
              <Link to="/orders">{t('order.back')}</Link>
              {permissions.actOnOrders && actionsFor(o.status).map((a) => (
                <button key={a} type="button" className={a === 'refund' ? 'danger' : ''} onClick={() => setAction(a)}>{t(`order.action.${a}`)}</button>
              ))}
            </PageHeader>
            {done && (
              <div className={`state ${done.status === 'DONE' ? 'state-ok' : 'state-info'}`} role="status" data-testid="action-result">
                {done.status === 'DONE' ? t('order.actionDone', { action: t(`order.action.${done.kind.toLowerCase().replaceAll('_', '-')}`, { defaultValue: done.kind }) }) : t('order.awaitingSecond')}
              </div>
            )}
            <dl className="meta">
              <dt>{t('orders.merchant')}</dt><dd>{o.merchant ?? '—'}</dd>
              <dt>{t('orders.merchantOrderId')}</dt><dd>{o.merchantOrderId}</dd>
              <dt>{t('orders.phone')}</dt><dd>{o.phone}</dd>
              <dt>{t('orders.carrier')}</dt><dd>{carrierName(o.carrier)}{o.province ? ` · ${o.province}` : ''}</dd>
              <dt>{t('orders.faceValue')}</dt><dd>{yuan(o.faceValue)}</dd>
              <dt>{t('orders.price')}</dt><dd>{yuan(o.price)}</dd>
              <dt>{t('orders.created')}</dt><dd>{dateTime(o.createdAt, i18n.language)}</dd>
              <dt>{t('order.finished')}</dt><dd>{dateTime(o.finishedAt, i18n.language)}</dd>
              <dt>{t('order.failureCode')}</dt><dd>{o.failureCode ?? '—'}</dd>
            </dl>
            <div className="two-col" style={{ marginTop: 14 }}>
              <section className="panel">
                <h2>{t('order.timeline')}</h2>
                {!timeline || timeline.length === 0 ? <Empty>{t('order.noTimeline')}</Empty> : (
                  <ol className="timeline" data-testid="timeline">
                    {timeline.map((e, i) => (
                      <li key={i}>
                        <span className="muted">{dateTime(e.at, i18n.language)}</span>
                        <span className="kind">{t(`timeline.${e.kind}`, { defaultValue: e.kind })}{e.actor ? <span className="muted small"> · {e.actor}</span> : null}</span>
                        <span>{e.summary}</span>
                      </li>
                    ))}
                  </ol>
                )}
              </section>
              <section className="panel">
                <h2>{t('order.attempts')}</h2>
                {attempts.length === 0 ? <Empty>{t('order.noAttempts')}</Empty> : (
                  <div className="table-wrap"><table>
                    <thead><tr><th>#</th><th>{t('orders.channel')}</th><th>{t('orders.status')}</th><th>{t('order.error')}</th><th className="num">{t('order.latency')}</th><th>{t('order.rules')}</th></tr></thead>
                    <tbody>{attempts.map((a) => (
                      <tr key={a.attemptId}>
                        <td>{a.attemptNo}</td><td>{a.channel}</td><td><StatusBadge status={a.status} /></td>
                        <td>{a.errorClass ? `${a.errorClass}${a.errorCode ? ` (${a.errorCode})` : ''}` : '—'}{a.fallbackAction && <div className="small muted">→ {a.fallbackAction}</div>}</td>
                        <td className="num">{millis(a.latencyMs)}</td>
                        <td className="wrap small">{a.ruleVersion ? `v${a.ruleVersion}: ` : ''}{a.firedRules.join(' → ') || '—'}</td>
                      </tr>
                    ))}</tbody>
                  </table></div>
                )}
              </section>
            </div>
            {action && (
              <ReasonDialog
                danger={action === 'refund'}
                title={t('order.actionTitle', { action: t(`order.action.${action}`), id: o.orderId })}
                intro={<p>{t(`order.actionIntro.${action}`, { amount: yuan(o.price) })}</p>}
                label={t('order.reason')}
                confirmLabel={t(`order.action.${action}`)}
                onSubmit={async (reason) => {
                  const result = await ordersApi.act(o.orderId, action, { reason, actionId: newActionId() });
                  setDone(result.action ?? null);
                  await queryClient.invalidateQueries({ queryKey: ['order', orderId] });
                }}
                onClose={() => setAction(null)}
              />
            )}
          </>
        )}
      </QueryView>
    </div>
  );
}
