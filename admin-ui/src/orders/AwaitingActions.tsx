import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { dateTime, yuan } from '../shared/format';
import { ConfirmDialog, QueryView, ReasonDialog } from '../shared/ui';
import { usePermissions, useUser } from '../shared/UserContext';
import { actionPath, ordersApi, type OperatorAction } from './api';

/**
 * Four eyes: refunds and mark-succeeded above the amount wait here until a second operator confirms or declines
 * them. The requester may withdraw (decline) their own request but not confirm it.
 */
export function AwaitingActions({ orderId, onDecided }: { orderId?: string; onDecided?: () => void }) {
  const { t, i18n } = useTranslation();
  const user = useUser();
  const permissions = usePermissions();
  const queryClient = useQueryClient();
  const awaiting = useQuery({
    queryKey: ['actions', 'awaiting', orderId ?? ''],
    queryFn: () => ordersApi.awaiting(orderId),
    refetchInterval: 10_000,
  });
  const [confirming, setConfirming] = useState<OperatorAction | null>(null);
  const [declining, setDeclining] = useState<OperatorAction | null>(null);
  const decided = async () => {
    await queryClient.invalidateQueries({ queryKey: ['actions'] });
    await queryClient.invalidateQueries({ queryKey: ['order'] });
    onDecided?.();
  };
  const label = (a: OperatorAction) => t(`order.action.${actionPath(a.kind)}`, { defaultValue: a.kind });
  if (orderId && awaiting.isSuccess && awaiting.data.length === 0) return null;
  return (
    <section className="panel" data-testid="awaiting-actions">
      <h2>{t('repair.fourEyes')}</h2>
      <QueryView query={awaiting} isEmpty={(d) => d.length === 0} empty={t('repair.noneAwaiting')}>
        {(items) => (
          <div className="table-wrap"><table>
            <thead><tr>
              <th>{t('repair.action')}</th>{!orderId && <th>{t('repair.order')}</th>}<th className="num">{t('repair.amount')}</th>
              <th>{t('repair.requestedBy')}</th><th>{t('repair.reason')}</th><th>{t('repair.requestedAt')}</th><th />
            </tr></thead>
            <tbody>{items.map((a) => {
              const own = a.requestedBy === user.username;
              return (
                <tr key={a.id}>
                  <td>{label(a)}{a.channelReference && <div className="small muted">{t('order.channelReference')}: {a.channelReference}</div>}</td>
                  {!orderId && <td><Link to={`/orders/${a.orderId}`}><code>{a.orderId}</code></Link></td>}
                  <td className="num">{yuan(a.amount)}</td>
                  <td>{a.requestedBy}{own && <div className="small muted">{t('repair.ownRequest')}</div>}</td>
                  <td className="wrap">{a.reason ?? '—'}</td>
                  <td>{dateTime(a.createdAt, i18n.language)}</td>
                  <td className="actions">{permissions.actOnOrders && (
                    <>
                      {!own && <button type="button" className="primary" onClick={() => setConfirming(a)}>{t('repair.confirm')}</button>}
                      <button type="button" onClick={() => setDeclining(a)}>{own ? t('repair.withdraw') : t('repair.decline')}</button>
                    </>
                  )}</td>
                </tr>
              );
            })}</tbody>
          </table></div>
        )}
      </QueryView>
      {confirming && (
        <ConfirmDialog
          title={t('repair.confirmTitle', { kind: label(confirming), order: confirming.orderId })}
          confirmLabel={t('repair.confirm')}
          danger={confirming.kind === 'REFUND'}
          onConfirm={async () => { await ordersApi.confirm(confirming.id); await decided(); }}
          onClose={() => setConfirming(null)}
        >
          <p>{t('repair.confirmIntro', { requester: confirming.requestedBy, amount: yuan(confirming.amount) })}</p>
          <dl className="facts">
            <dt>{t('repair.reason')}</dt><dd>{confirming.reason ?? '—'}</dd>
            {confirming.channelReference && <><dt>{t('order.channelReference')}</dt><dd>{confirming.channelReference}</dd></>}
          </dl>
        </ConfirmDialog>
      )}
      {declining && (
        <ReasonDialog
          title={t('repair.declineTitle', { kind: label(declining), order: declining.orderId })}
          intro={<p>{t('repair.declineIntro')}</p>}
          label={t('repair.reason')}
          confirmLabel={declining.requestedBy === user.username ? t('repair.withdraw') : t('repair.decline')}
          onSubmit={async (reason) => { await ordersApi.reject(declining.id, reason); await decided(); }}
          onClose={() => setDeclining(null)}
        />
      )}
    </section>
  );
}
