import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { percent, yuan } from '../shared/format';
import { ErrorBox } from '../shared/ui';
import { rulesApi, type Backtest } from './api';

/** Share table rows: every channel of either side, largest share after first. */
export function shareRows(backtest: Backtest): { channel: string; before: number; after: number }[] {
  const channels = new Set([...Object.keys(backtest.channelShare.before), ...Object.keys(backtest.channelShare.after)]);
  return [...channels]
    .map((channel) => ({
      channel,
      before: backtest.channelShare.before[channel] ?? 0,
      after: backtest.channelShare.after[channel] ?? 0,
    }))
    .sort((a, b) => b.after - a.after || a.channel.localeCompare(b.channel));
}

function Bar({ value }: { value: number }) {
  return (
    <span className="bar" aria-hidden="true">
      <span style={{ width: `${Math.round(Math.max(0, Math.min(1, value)) * 100)}%` }} />
    </span>
  );
}

/** Runs a draft (or version) against the last N real orders as they were decided and compares the outcome. */
export function BacktestPanel({ ruleSet, drl, version }: { ruleSet: string; drl?: () => string; version?: number }) {
  const { t } = useTranslation();
  const [orders, setOrders] = useState(1000);
  const run = useMutation({
    mutationFn: () => rulesApi.backtest(ruleSet, drl ? { drl: drl(), orders } : { version, orders }),
  });
  const result = run.data;
  return (
    <div className="backtest" data-testid="backtest-panel">
      <div className="toolbar">
        <label>
          {t('rules.backtest.orders')}{' '}
          <input
            type="number"
            min={1}
            max={100000}
            value={orders}
            onChange={(e) => setOrders(Math.max(1, Number(e.target.value) || 1))}
          />
        </label>
        <button type="button" className="primary" onClick={() => run.mutate()} disabled={run.isPending}>
          {run.isPending ? t('state.working') : t('rules.backtest.run')}
        </button>
        <span className="muted">{t('rules.backtest.hint')}</span>
      </div>
      {run.isError && <ErrorBox error={run.error} />}
      {result && (
        <div className="backtest-result">
          <div className="cards">
            <div className="card">
              <div className="card-label">{t('rules.backtest.replayed')}</div>
              <div className="card-value">{result.orders}</div>
            </div>
            <div className="card">
              <div className="card-label">{t('rules.backtest.changed')}</div>
              <div className="card-value">
                {result.changed} <small>({percent(result.orders ? result.changed / result.orders : 0)})</small>
              </div>
            </div>
            <div className="card">
              <div className="card-label">{t('rules.backtest.success')}</div>
              <div className="card-value">
                {percent(result.expectedSuccess.before)} → {percent(result.expectedSuccess.after)}
              </div>
            </div>
            <div className="card">
              <div className="card-label">{t('rules.backtest.cost')}</div>
              <div className="card-value">
                {yuan(result.expectedCost.before)} → {yuan(result.expectedCost.after)}
              </div>
            </div>
          </div>
          {result.orders === 0 ? (
            <p className="muted">{t('rules.backtest.noOrders')}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th>{t('rules.backtest.channel')}</th>
                  <th>{t('rules.backtest.before')}</th>
                  <th>{t('rules.backtest.after')}</th>
                </tr>
              </thead>
              <tbody>
                {shareRows(result).map((row) => (
                  <tr key={row.channel}>
                    <td>
                      <code>{row.channel}</code>
                    </td>
                    <td>
                      <Bar value={row.before} /> {percent(row.before)}
                    </td>
                    <td>
                      <Bar value={row.after} /> {percent(row.after)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </div>
  );
}
