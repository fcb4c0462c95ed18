import { useTranslation } from 'react-i18next';
import type { SimulationResult } from './api';

interface Candidate {
  channel: string;
  score: number;
  reason: string;
}

/** A simulated decision in words: ranked channels and exclusions, or the action with its reason. */
export function DecisionView({ result }: { result: SimulationResult }) {
  const { t } = useTranslation();
  const d = (result.decision ?? {}) as Record<string, unknown>;
  const ranked = Array.isArray(d.ranked) ? (d.ranked as Candidate[]) : null;
  const excluded = d.excluded && typeof d.excluded === 'object' ? (d.excluded as Record<string, string>) : null;
  return (
    <div className="decision" data-testid="decision">
      {ranked !== null && (
        <>
          <h4>{t('rules.test.ranked')}</h4>
          {ranked.length === 0 ? (
            <p className="muted">{t('rules.test.noCandidates')}</p>
          ) : (
            <ol className="ranked">
              {ranked.map((c) => (
                <li key={c.channel}>
                  <code>{c.channel}</code> <span className="muted">{t('rules.test.score', { score: c.score.toFixed(3) })}</span>
                  {c.reason && <span> — {c.reason}</span>}
                </li>
              ))}
            </ol>
          )}
          {excluded && Object.keys(excluded).length > 0 && (
            <>
              <h4>{t('rules.test.excluded')}</h4>
              <ul>
                {Object.entries(excluded).map(([code, reason]) => (
                  <li key={code}>
                    <code>{code}</code> — {reason}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      {ranked === null && (
        <dl className="facts">
          <dt>{t('rules.test.action')}</dt>
          <dd>
            <strong>{d.action ? String(d.action) : t('rules.test.undecided')}</strong>
          </dd>
          {typeof d.reason === 'string' && (
            <>
              <dt>{t('rules.test.reason')}</dt>
              <dd>{d.reason}</dd>
            </>
          )}
          {d.action === 'NEXT_CHANNEL' && (
            <>
              <dt>{t('rules.test.queryFirst')}</dt>
              <dd>{d.queryFirst ? t('common.yes') : t('common.no')}</dd>
            </>
          )}
          {d.action === 'RETRY_LATER' && (
            <>
              <dt>{t('rules.test.delay')}</dt>
              <dd>{String(d.delayMillis)} ms</dd>
            </>
          )}
        </dl>
      )}
      <h4>{t('rules.test.fired')}</h4>
      {result.firedRules.length === 0 ? (
        <p className="muted">{t('rules.test.noneFired')}</p>
      ) : (
        <ol className="fired" data-testid="fired-rules">
          {result.firedRules.map((rule, i) => (
            <li key={`${i}-${rule}`}>{rule}</li>
          ))}
        </ol>
      )}
    </div>
  );
}
