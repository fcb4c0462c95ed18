import { useQueries } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../shared/api';
import { dateTime } from '../shared/format';
import { Empty, ErrorBox, Loading, PageHeader } from '../shared/ui';
import { useUser } from '../shared/UserContext';
import { isStale, liveOf, RULE_SETS, ruleKeys, type RuleVersion } from './api';
import { changedLineCounts } from './drlText';

/** Submitted versions of every rule set waiting for a second person. */
export default function ApprovalsPage() {
  const { t, i18n } = useTranslation();
  const user = useUser();
  const results = useQueries({
    queries: RULE_SETS.map((name) => ({
      queryKey: ruleKeys.versions(name),
      queryFn: () => api<RuleVersion[]>(`/rulesets/${name}/versions`),
      refetchInterval: 10_000,
    })),
  });
  const failed = results.find((r) => r.isError);
  return (
    <div className="page">
      <PageHeader title={t('approvals.title')} />
      {results.some((r) => r.isPending) ? (
        <Loading />
      ) : failed ? (
        <ErrorBox error={failed.error} onRetry={() => results.forEach((r) => void r.refetch())} />
      ) : (
        (() => {
          const items = results.flatMap((r) => {
            const list = r.data ?? [];
            const live = liveOf(list);
            return list.filter((v) => v.status === 'SUBMITTED').map((v) => ({ v, live }));
          });
          if (items.length === 0) return <Empty>{t('approvals.empty')}</Empty>;
          return (
            <div className="table-wrap">
              <table data-testid="approval-queue">
                <thead>
                  <tr>
                    <th>{t('approvals.ruleSet')}</th>
                    <th>{t('rules.versions.version')}</th>
                    <th>{t('rules.versions.author')}</th>
                    <th>{t('rules.versions.comment')}</th>
                    <th>{t('approvals.changes')}</th>
                    <th>{t('rules.versions.created')}</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {items.map(({ v, live }) => {
                    const counts = changedLineCounts(live?.drl ?? '', v.drl);
                    return (
                      <tr key={`${v.name}-${v.version}`}>
                        <td>{t(`ruleSet.${v.name}`)}</td>
                        <td>
                          v{v.version}
                          {isStale(v, live?.version) && (
                            <span className="badge badge-warning" title={t('rules.review.stale', { base: v.baseVersion, live: live?.version })}>
                              {t('approvals.stale')}
                            </span>
                          )}
                        </td>
                        <td>
                          {v.author}
                          {v.author === user.username && <span className="muted small"> ({t('approvals.yours')})</span>}
                        </td>
                        <td className="wrap">{v.comment || '—'}</td>
                        <td>
                          <span className="added">+{counts.added}</span> <span className="removed">−{counts.removed}</span>
                        </td>
                        <td>{dateTime(v.createdAt, i18n.language)}</td>
                        <td>
                          <Link className="button" to={`/rules/${v.name}/versions/${v.version}`}>
                            {t('approvals.review')}
                          </Link>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          );
        })()
      )}
    </div>
  );
}
