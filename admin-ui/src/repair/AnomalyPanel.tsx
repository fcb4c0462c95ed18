import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { dateTime, yuan } from '../shared/format';
import { Empty, QueryView, StatusBadge } from '../shared/ui';
import { detailPairs } from '../orders/Timeline';
import { repairApi, type Anomaly } from './api';

/** One anomaly in full: what was found, what the repair rules decided, each step taken, and how it was closed. */
export function AnomalyPanel({ id, canResolve, onResolve, onClose }: {
  id: number; canResolve: boolean; onResolve: (a: Anomaly) => void; onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const detail = useQuery({ queryKey: ['anomalies', 'one', id], queryFn: () => repairApi.one(id), refetchInterval: 10_000 });
  return (
    <section className="panel anomaly-panel" data-testid="anomaly-panel">
      <QueryView query={detail}>
        {({ anomaly: a, steps }) => (
          <>
            <div className="panel-header">
              <h2>{t('repair.anomalyTitle', { id: a.id, kind: t(`anomaly.${a.kind}`, { defaultValue: a.kind }) })} <StatusBadge status={a.status} /></h2>
              <div className="toolbar" style={{ margin: 0 }}>
                {canResolve && a.status === 'OPEN' && (a.resolutions?.length ?? 0) > 0 && (
                  <button type="button" className="primary" onClick={() => onResolve(a)}>{t('repair.resolve')}</button>
                )}
                <button type="button" className="link" onClick={onClose}>{t('action.close')}</button>
              </div>
            </div>
            <dl className="meta">
              <dt>{t('repair.order')}</dt><dd><Link to={`/orders/${a.orderId}`}><code>{a.orderId}</code></Link> <StatusBadge status={a.orderStatus} /></dd>
              <dt>{t('orders.merchant')}</dt><dd>{a.merchant ?? '—'}</dd>
              <dt>{t('repair.atStake')}</dt><dd>{yuan(a.amountAtStake)}</dd>
              <dt>{t('orders.channel')}</dt><dd>{a.channel ?? '—'}{a.channelReference ? ` · ${a.channelReference}` : ''}</dd>
              <dt>{t('repair.decided')}</dt><dd>{a.action ? t(`repairAction.${a.action}`, { defaultValue: a.action }) : '—'}{a.ruleVersion ? <span className="muted small"> (v{a.ruleVersion}{a.firedRules?.length ? `: ${a.firedRules.join(' → ')}` : ''})</span> : null}</dd>
              <dt>{t('repair.created')}</dt><dd>{dateTime(a.createdAt, i18n.language)}</dd>
              {a.reason && <><dt>{t('repair.ruleReason')}</dt><dd className="wrap">{a.reason}</dd></>}
              {a.outcome && <><dt>{t('repair.outcome')}</dt><dd className="wrap">{a.outcome}</dd></>}
              {a.resolution && <><dt>{t('repair.resolution')}</dt><dd>{t(`repair.resolutions.${a.resolution}`, { defaultValue: a.resolution })} · {a.resolvedBy ?? '—'} · {dateTime(a.resolvedAt, i18n.language)}{a.resolutionReason ? ` · ${a.resolutionReason}` : ''}</dd></>}
            </dl>
            {a.details !== null && typeof a.details === 'object' && detailPairs(a.details as Record<string, unknown>).length > 0 && (
              <dl className="facts small details">
                {detailPairs(a.details as Record<string, unknown>).map(([k, v]) => <div key={k} className="pair"><dt>{k}</dt><dd><code>{v}</code></dd></div>)}
              </dl>
            )}
            <h3 style={{ marginTop: 12 }}>{t('repair.steps')}</h3>
            {steps.length === 0 ? <Empty>{t('repair.noSteps')}</Empty> : (
              <ol className="timeline">
                {steps.map((s) => (
                  <li key={s.id}>
                    <span className="muted">{dateTime(s.at, i18n.language)}</span>
                    <span className="kind">{t(`repairAction.${s.action}`, { defaultValue: s.action })}<div className="muted small">{s.actor}</div></span>
                    <span>{s.summary}{s.ruleVersion ? <span className="muted small"> (v{s.ruleVersion}{s.firedRules?.length ? `: ${s.firedRules.join(' → ')}` : ''})</span> : null}</span>
                  </li>
                ))}
              </ol>
            )}
          </>
        )}
      </QueryView>
    </section>
  );
}
