import { useTranslation } from 'react-i18next';

/** A circuit breaker's state in words a person reads right ("closed" is the healthy state). */
export function CircuitBadge({ state }: { state: string | null | undefined }) {
  const { t } = useTranslation();
  if (!state) return <span className="muted">—</span>;
  return <span className={`badge badge-${state.toLowerCase()}`}>{t(`channels.circuitState.${state}`, { defaultValue: state })}</span>;
}
