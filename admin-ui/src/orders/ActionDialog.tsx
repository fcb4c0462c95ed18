import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { yuan } from '../shared/format';
import { ReasonDialog } from '../shared/ui';
import { actionBody, newActionId, ordersApi, type ActionAnswer, type ActionKind, type OrderExplained } from './api';

/**
 * One operator action on an order with its reason, and what else that action needs: the channel's reference for
 * mark-succeeded, the channels to leave out for a retry. One action id per dialog, so a second click is one action.
 */
export function ActionDialog({ action, explained, onDone, onClose }: {
  action: ActionKind;
  explained: OrderExplained;
  onDone: (answer: ActionAnswer) => Promise<void> | void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { order, attempts } = explained;
  const [actionId] = useState(newActionId);
  const lastReference = [...attempts].reverse().find((a) => a.channelReference)?.channelReference ?? '';
  const [channelReference, setChannelReference] = useState(lastReference);
  const tried = [...new Set(attempts.map((a) => a.channel))];
  const [excluded, setExcluded] = useState<string[]>([]);
  const toggle = (channel: string) =>
    setExcluded(excluded.includes(channel) ? excluded.filter((c) => c !== channel) : [...excluded, channel]);
  return (
    <ReasonDialog
      danger={action === 'refund'}
      title={t('order.actionTitle', { action: t(`order.action.${action}`), id: order.orderId })}
      intro={<p>{t(`order.actionIntro.${action}`, { amount: yuan(order.price) })}</p>}
      label={t('order.reason')}
      confirmLabel={t(`order.action.${action}`)}
      ready={action !== 'mark-succeeded' || channelReference.trim() !== ''}
      onSubmit={async (reason) => {
        const answer = await ordersApi.act(order.orderId, action, actionBody(action, reason, actionId, { channelReference, excludeChannels: excluded }));
        await onDone(answer);
      }}
      onClose={onClose}
    >
      {action === 'mark-succeeded' && (
        <label className="field-label">
          {t('order.channelReference')}<span className="required"> *</span>
          <input className="full" value={channelReference} onChange={(e) => setChannelReference(e.target.value)}
            placeholder={t('order.channelReferenceHint')} data-testid="channel-reference" />
        </label>
      )}
      {action === 'retry' && tried.length > 0 && (
        <fieldset className="choices">
          <legend>{t('order.excludeChannels')}</legend>
          {tried.map((c) => (
            <label key={c} className="choice">
              <input type="checkbox" checked={excluded.includes(c)} onChange={() => toggle(c)} /> {c}
            </label>
          ))}
        </fieldset>
      )}
    </ReasonDialog>
  );
}
