import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../shared/api';
import { Chart } from '../shared/Chart';
import { percent } from '../shared/format';
import { PageHeader, QueryView } from '../shared/ui';
import { dashboardCharts } from './charts';

export interface DashboardMinute {
  minute: string;
  succeeded: number;
  failed: number;
  review: number;
  successRate: number | null;
  timeToFinalP50Millis: number | null;
  timeToFinalP95Millis: number | null;
}

export interface Dashboard {
  from: string;
  to: string;
  minutes: DashboardMinute[];
  open: Record<string, number>;
  anomaliesOpen: Record<string, number>;
  liveRules: { name: string; activeVersion: number | null; updatedAt: string | null }[];
}

/** Totals of the window: final orders by state and the success rate of those that finished. */
export function totals(minutes: DashboardMinute[]) {
  const succeeded = minutes.reduce((s, m) => s + m.succeeded, 0);
  const failed = minutes.reduce((s, m) => s + m.failed, 0);
  const review = minutes.reduce((s, m) => s + m.review, 0);
  return { succeeded, failed, review, successRate: succeeded + failed ? succeeded / (succeeded + failed) : null };
}

export default function DashboardPage() {
  const { t, i18n } = useTranslation();
  const dashboard = useQuery({
    queryKey: ['dashboard'],
    queryFn: () => api<Dashboard>('/dashboard', { query: { minutes: 60 } }),
    refetchInterval: 10_000,
  });
  const data = dashboard.data;
  const options = useMemo(() => (data ? dashboardCharts(data.minutes, t, i18n.language) : null), [data, i18n.language, t]);

  return (
    <div className="page">
      <PageHeader title={t('dashboard.title')}>
        <span className="muted small">{t('dashboard.window')}</span>
      </PageHeader>
      <QueryView query={dashboard}>
        {(d) => {
          const sum = totals(d.minutes);
          const anomalies = Object.values(d.anomaliesOpen).reduce((s, n) => s + n, 0);
          return (
            <>
              <div className="cards">
                <div className="card"><div className="card-label">{t('dashboard.succeeded')}</div><div className="card-value">{sum.succeeded}</div></div>
                <div className="card"><div className="card-label">{t('dashboard.failed')}</div><div className="card-value">{sum.failed}</div></div>
                <div className="card"><div className="card-label">{t('dashboard.successRate')}</div><div className="card-value">{percent(sum.successRate)}</div></div>
                <div className="card"><div className="card-label">{t('dashboard.inProgress')}</div><div className="card-value">{(d.open.PENDING ?? 0) + (d.open.PROCESSING ?? 0)}</div></div>
                <div className="card"><div className="card-label">{t('dashboard.review')}</div><div className="card-value">{d.open.REVIEW ?? 0}</div></div>
                <div className="card">
                  <div className="card-label">{t('dashboard.anomaliesOpen')}</div>
                  <div className="card-value"><Link to="/repair">{anomalies}</Link></div>
                  <div className="small muted">{Object.entries(d.anomaliesOpen).map(([k, n]) => `${t(`anomaly.${k}`, { defaultValue: k })} ${n}`).join(' · ') || t('dashboard.noAnomalies')}</div>
                </div>
                <div className="card">
                  <div className="card-label">{t('dashboard.liveRules')}</div>
                  <div className="small">
                    {d.liveRules.map((r) => (
                      <div key={r.name}><Link to={`/rules/${r.name}`}>{t(`ruleSet.${r.name}`)}</Link> {r.activeVersion ? `v${r.activeVersion}` : '—'}</div>
                    ))}
                  </div>
                </div>
              </div>
              {sum.succeeded + sum.failed + sum.review === 0 && <div className="state state-info">{t('dashboard.quiet')}</div>}
              {options && (
                <div className="charts">
                  <section className="panel"><h2>{t('dashboard.ordersPerMinute')}</h2><Chart option={options.orders} label={t('dashboard.ordersPerMinute')} /></section>
                  <section className="panel"><h2>{t('dashboard.successRate')}</h2><Chart option={options.success} label={t('dashboard.successRate')} /></section>
                  <section className="panel"><h2>{t('dashboard.timeToFinal')}</h2><Chart option={options.time} label={t('dashboard.timeToFinal')} /></section>
                </div>
              )}
            </>
          );
        }}
      </QueryView>
    </div>
  );
}
