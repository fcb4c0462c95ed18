import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { dateTime } from '../shared/format';
import { Empty, PageHeader, QueryView, StatusBadge } from '../shared/ui';
import { usePermissions } from '../shared/UserContext';
import { liveOf, useRuleSets, useVersions, type RuleVersion } from './api';
import { RollbackDialog } from './RollbackDialog';

function Versions({ name }: { name: string }) {
  const { t, i18n } = useTranslation();
  const permissions = usePermissions();
  const versions = useVersions(name);
  const [rollbackTo, setRollbackTo] = useState<RuleVersion | null>(null);
  return (
    <section className="panel" data-testid="versions">
      <div className="panel-header">
        <h2>{t('rules.versions.title', { name: t(`ruleSet.${name}`) })}</h2>
        {permissions.editRules && (
          <Link className="button primary" to={`/rules/${name}/edit`}>
            {t('rules.versions.newDraft')}
          </Link>
        )}
      </div>
      <QueryView query={versions} isEmpty={(v) => v.length === 0} empty={t('rules.versions.none')}>
        {(list) => {
          const live = liveOf(list);
          return (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th>{t('rules.versions.version')}</th>
                    <th>{t('rules.versions.status')}</th>
                    <th>{t('rules.versions.author')}</th>
                    <th>{t('rules.versions.comment')}</th>
                    <th>{t('rules.versions.created')}</th>
                    <th>{t('rules.versions.approvedBy')}</th>
                    <th>{t('rules.versions.activated')}</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {[...list].sort((a, b) => b.version - a.version).map((v) => (
                    <tr key={v.version} className={v.status === 'ACTIVE' ? 'row-live' : ''} data-version={v.version}>
                      <td>
                        <Link to={`/rules/${name}/versions/${v.version}`}>v{v.version}</Link>
                        {v.baseVersion ? <span className="muted small"> ← v{v.baseVersion}</span> : null}
                      </td>
                      <td>
                        <StatusBadge status={v.status} />
                      </td>
                      <td>{v.author}</td>
                      <td className="wrap">{v.comment || <span className="muted">—</span>}</td>
                      <td>{dateTime(v.createdAt, i18n.language)}</td>
                      <td>{v.approvedBy ?? '—'}</td>
                      <td>{dateTime(v.activatedAt, i18n.language)}</td>
                      <td className="actions">
                        <Link to={`/rules/${name}/versions/${v.version}`}>{t('rules.versions.read')}</Link>
                        {permissions.editRules && (
                          <Link to={`/rules/${name}/edit?from=${v.version}`}>{t('rules.versions.copy')}</Link>
                        )}
                        {permissions.approveRules && v.status === 'RETIRED' && (
                          <button type="button" className="link" onClick={() => setRollbackTo(v)}>
                            {t('rules.versions.rollback')}
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {rollbackTo && <RollbackDialog target={rollbackTo} live={live} onClose={() => setRollbackTo(null)} />}
            </div>
          );
        }}
      </QueryView>
    </section>
  );
}

export default function RuleSetsPage() {
  const { t, i18n } = useTranslation();
  const { name } = useParams();
  const ruleSets = useRuleSets();
  const selected = name ?? 'routing';
  return (
    <div className="page">
      <PageHeader title={t('rules.title')} />
      <QueryView query={ruleSets} isEmpty={(r) => r.length === 0}>
        {(list) => (
          <div className="rule-sets">
            <nav className="rule-set-list" aria-label={t('rules.title')}>
              {list.map((r) => (
                <Link key={r.name} to={`/rules/${r.name}`} className={r.name === selected ? 'active' : ''}>
                  <strong>{t(`ruleSet.${r.name}`, { defaultValue: r.name })}</strong>
                  <span className="muted small">{t(`ruleSetAbout.${r.name}`, { defaultValue: '' })}</span>
                  <span className="small">
                    {r.activeVersion ? t('rules.live', { version: r.activeVersion }) : t('rules.noneLive')}
                    {r.updatedAt && <span className="muted"> · {dateTime(r.updatedAt, i18n.language)}</span>}
                  </span>
                </Link>
              ))}
            </nav>
            {list.some((r) => r.name === selected) ? <Versions name={selected} /> : <Empty>{t('error.notFound')}</Empty>}
          </div>
        )}
      </QueryView>
    </div>
  );
}
