import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorBox } from '../shared/ui';
import { rulesApi } from './api';
import { DecisionView } from './DecisionView';
import { parseFacts, samplesOf } from './samples';

/**
 * Runs rules on facts without side effects: the editor's text (saved or not) or a stored version, on facts typed
 * in as JSON, taken from a sample, or copied from a real order by its id.
 */
export function TestPanel({ ruleSet, drl, version }: { ruleSet: string; drl?: () => string; version?: number }) {
  const { t } = useTranslation();
  const samples = samplesOf(ruleSet);
  const [factsText, setFactsText] = useState(() => JSON.stringify(samples[0].facts, null, 2));
  const [orderId, setOrderId] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const load = useMutation({
    mutationFn: () => rulesApi.facts(ruleSet, orderId.trim()),
    onSuccess: (facts) => {
      const clean = Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== null && v !== undefined));
      setFactsText(JSON.stringify(clean, null, 2));
      setProblem(null);
    },
  });
  const run = useMutation({
    mutationFn: (facts: Record<string, unknown>) =>
      rulesApi.simulate(ruleSet, drl ? { ...facts, drl: drl() } : { ...facts, version }),
  });

  const submit = () => {
    const parsed = parseFacts(factsText);
    if ('problem' in parsed) {
      setProblem(parsed.problem);
      return;
    }
    setProblem(null);
    run.mutate(parsed.facts);
  };

  return (
    <div className="test-panel" data-testid="test-panel">
      <div className="test-inputs">
        <div className="toolbar">
          <label>
            {t('rules.test.sample')}{' '}
            <select
              aria-label={t('rules.test.sample')}
              onChange={(e) => {
                const sample = samples.find((s) => s.id === e.target.value);
                if (sample) setFactsText(JSON.stringify(sample.facts, null, 2));
              }}
            >
              {samples.map((s) => (
                <option key={s.id} value={s.id}>
                  {t(`rules.sample.${ruleSet}.${s.id}`)}
                </option>
              ))}
            </select>
          </label>
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (orderId.trim()) load.mutate();
            }}
          >
            <input
              placeholder={t('rules.test.orderIdPlaceholder')}
              aria-label={t('rules.test.orderId')}
              value={orderId}
              onChange={(e) => setOrderId(e.target.value)}
            />
            <button type="submit" disabled={!orderId.trim() || load.isPending}>
              {load.isPending ? t('state.loading') : t('rules.test.fromOrder')}
            </button>
          </form>
        </div>
        {load.isError && <ErrorBox error={load.error} />}
        <label className="field-label" htmlFor="facts-json">
          {t('rules.test.facts')}
        </label>
        <textarea
          id="facts-json"
          className="code"
          rows={14}
          spellCheck={false}
          value={factsText}
          onChange={(e) => setFactsText(e.target.value)}
        />
        {problem && <div className="state state-error">{t('rules.test.badFacts', { problem })}</div>}
        <button type="button" className="primary" onClick={submit} disabled={run.isPending}>
          {run.isPending ? t('state.working') : t('rules.test.run')}
        </button>
      </div>
      <div className="test-result">
        {run.isError && <ErrorBox error={run.error} />}
        {run.data && <DecisionView result={run.data} />}
        {!run.data && !run.isError && <p className="muted">{t('rules.test.hint')}</p>}
      </div>
    </div>
  );
}
