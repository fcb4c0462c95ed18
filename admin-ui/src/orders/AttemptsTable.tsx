import { useTranslation } from 'react-i18next';
import { millis, yuan } from '../shared/format';
import { Empty, StatusBadge } from '../shared/ui';
import type { Attempt } from './api';
import { AttemptPrediction } from './AttemptPrediction';

/** The order's attempts at channels: why each went there (rules), how it ended, and what the fallback rules did. */
export function AttemptsTable({ attempts }: { attempts: Attempt[] }) {
  const { t } = useTranslation();
  if (attempts.length === 0) return <Empty>{t('order.noAttempts')}</Empty>;
  return (
    <div className="table-wrap">
      <table data-testid="attempts">
        <thead><tr>
          <th>#</th><th>{t('orders.channel')}</th><th title={t('order.predictedHint')}>{t('order.predicted')}</th>
          <th>{t('order.outcome')}</th><th>{t('order.error')}</th>
          <th className="num">{t('order.queries')}</th><th className="num">{t('order.latency')}</th><th className="num">{t('order.cost')}</th>
          <th>{t('order.rules')}</th>
        </tr></thead>
        <tbody>{attempts.map((a) => (
          <tr key={a.attemptId}>
            <td>{a.attemptNo}</td>
            <td>{a.channel}{a.probe && <span className="badge">{t('order.probe')}</span>}
              {a.channelReference && <div className="small muted"><code>{a.channelReference}</code></div>}</td>
            <td><AttemptPrediction attempt={a} /></td>
            <td><StatusBadge status={a.status} /></td>
            <td className="wrap">{a.errorClass ? `${a.errorClass}${a.errorCode ? ` (${a.errorCode})` : ''}` : '—'}
              {a.fallbackAction && <div className="small muted">{t('order.fallback')}: {a.fallbackAction}
                {a.fallbackFiredRules?.length ? ` (${a.fallbackRuleVersion ? `v${a.fallbackRuleVersion}: ` : ''}${a.fallbackFiredRules.join(' → ')})` : ''}</div>}</td>
            <td className="num">{a.queries}</td>
            <td className="num">{millis(a.latencyMillis)}</td>
            <td className="num">{yuan(a.cost)}</td>
            <td className="wrap small">{a.ruleVersion ? `v${a.ruleVersion}: ` : ''}{a.firedRules?.join(' → ') || '—'}</td>
          </tr>
        ))}</tbody>
      </table>
    </div>
  );
}
