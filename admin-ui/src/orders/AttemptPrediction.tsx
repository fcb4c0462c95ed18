import { useTranslation } from 'react-i18next';
import { percent } from '../shared/format';
import type { Attempt } from './api';

/**
 * The success the routing decision predicted for the attempt's channel, and for the best other channel it ranked;
 * the attempt's status next to it says what happened.
 */
export function AttemptPrediction({ attempt }: { attempt: Attempt }) {
  const { t } = useTranslation();
  if (attempt.predictedSuccess === null || attempt.predictedSuccess === undefined) {
    return <span className="muted" title={t('order.noPrediction')}>—</span>;
  }
  const other = attempt.bestAlternative && attempt.bestAlternativePredicted !== null && attempt.bestAlternativePredicted !== undefined
    ? { channel: attempt.bestAlternative, predicted: attempt.bestAlternativePredicted } : null;
  return (
    <div data-testid="attempt-prediction">
      <strong>{percent(attempt.predictedSuccess)}</strong>
      <div className="small muted">
        {other ? t('order.bestOther', { channel: other.channel, predicted: percent(other.predicted) }) : t('order.noOther')}
      </div>
    </div>
  );
}
