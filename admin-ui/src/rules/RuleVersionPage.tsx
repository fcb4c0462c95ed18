import { lazy, Suspense, useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { dateTime } from '../shared/format';
import { ErrorBox, Loading, PageHeader, QueryView, ReasonDialog, StatusBadge } from '../shared/ui';
import { usePermissions, useUser } from '../shared/UserContext';
import { isStale, liveOf, ruleKeys, rulesApi, useRuleSets, useVersions, type RuleVersion } from './api';
import { BacktestPanel } from './BacktestPanel';
import { DrlEditor } from './DrlEditor';
import { RollbackDialog } from './RollbackDialog';
import { TestPanel } from './TestPanel';

const DiffView = lazy(() => import('./DiffView'));

type Tab = 'text' | 'diff' | 'test' | 'backtest';

/** Waits until the app reports the version live (GET /rulesets) after an approval or rollback. */
function LiveConfirmation({ name, version }: { name: string; version: number }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const ruleSets = useRuleSets();
  const live = ruleSets.data?.find((r) => r.name === name)?.activeVersion === version;
  useEffect(() => {
    if (live) {
      void queryClient.invalidateQueries({ queryKey: ruleKeys.versions(name) });
      return;
    }
    const timer = window.setInterval(() => void ruleSets.refetch(), 500);
    return () => window.clearInterval(timer);
  }, [live, name, queryClient, ruleSets]);
  return live ? (
    <div className="state state-ok" role="status" data-testid="live-confirmation">
      ✓ {t('rules.review.nowLive', { version })}
    </div>
  ) : (
    <Loading label={t('rules.review.goingLive')} />
  );
}

function Actions({ version, live }: { version: RuleVersion; live: RuleVersion | undefined }) {
  const { t } = useTranslation();
  const user = useUser();
  const permissions = usePermissions();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<'approve' | 'reject' | 'submit' | 'rollback' | null>(null);
  const [wentLive, setWentLive] = useState(false);
  const own = version.author === user.username;
  const refresh = () => queryClient.invalidateQueries({ queryKey: ruleKeys.all });
  const stale = version.status === 'SUBMITTED' && isStale(version, live?.version);

  return (
    <div className="version-actions">
      {stale && (
        <div className="state state-warning" data-testid="stale-warning">
          {t('rules.review.stale', { base: version.baseVersion, live: live?.version })}
        </div>
      )}
      {version.status === 'DRAFT' && own && permissions.editRules && (
        <button type="button" className="primary" onClick={() => setDialog('submit')}>
          {t('rules.review.submit')}
        </button>
      )}
      {version.status === 'SUBMITTED' && own && (
        <div className="state state-info" data-testid="own-submission">
          {t('rules.review.ownSubmission')}
        </div>
      )}
      {version.status === 'SUBMITTED' && permissions.approveRules && (
        <>
          <button
            type="button"
            className="primary"
            disabled={own}
            title={own ? t('rules.review.ownSubmission') : undefined}
            onClick={() => setDialog('approve')}
          >
            {t('rules.review.approve')}
          </button>
          <button type="button" className="danger" disabled={own} onClick={() => setDialog('reject')}>
            {t('rules.review.reject')}
          </button>
        </>
      )}
      {version.status === 'SUBMITTED' && !permissions.approveRules && !own && (
        <span className="muted">{t('rules.review.waiting')}</span>
      )}
      {permissions.approveRules && version.status === 'RETIRED' && (
        <button type="button" className="danger" onClick={() => setDialog('rollback')}>
          {t('rules.versions.rollback')}
        </button>
      )}
      {wentLive && <LiveConfirmation name={version.name} version={version.version} />}

      {dialog === 'submit' && (
        <ReasonDialog
          required={false}
          title={t('rules.review.submitTitle', { version: version.version })}
          intro={<p>{t('rules.review.submitIntro')}</p>}
          label={t('rules.review.submitNote')}
          confirmLabel={t('rules.review.submit')}
          onSubmit={async () => {
            await rulesApi.submit(version.name, version.version);
            await refresh();
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'approve' && (
        <ReasonDialog
          required={false}
          title={t('rules.review.approveTitle', { version: version.version })}
          intro={
            <>
              <p>{t('rules.review.approveIntro')}</p>
              {stale && <p className="error-text">{t('rules.review.stale', { base: version.baseVersion, live: live?.version })}</p>}
            </>
          }
          label={t('rules.review.approveNote')}
          confirmLabel={t('rules.review.approve')}
          onSubmit={async () => {
            await rulesApi.approve(version.name, version.version);
            setWentLive(true);
            await refresh();
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'reject' && (
        <ReasonDialog
          danger
          title={t('rules.review.rejectTitle', { version: version.version })}
          label={t('rules.review.rejectComment')}
          confirmLabel={t('rules.review.reject')}
          onSubmit={async (comment) => {
            await rulesApi.reject(version.name, version.version, comment);
            await refresh();
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'rollback' && (
        <RollbackDialog
          target={version}
          live={live}
          onClose={() => {
            setDialog(null);
          }}
        />
      )}
    </div>
  );
}

export default function RuleVersionPage() {
  const { t, i18n } = useTranslation();
  const { name = 'routing', version: versionParam } = useParams();
  const number = Number(versionParam);
  const permissions = usePermissions();
  const versions = useVersions(name);
  const [tab, setTab] = useState<Tab>('text');
  return (
    <div className="page">
      <QueryView query={versions}>
        {(list) => {
          const version = list.find((v) => v.version === number);
          const live = liveOf(list);
          if (!version) return <ErrorBox error={new Error(t('rules.review.noSuchVersion', { version: number }))} />;
          const tabs: Tab[] = ['text', 'diff', ...(permissions.testRules ? (['test', 'backtest'] as Tab[]) : [])];
          return (
            <>
              <PageHeader title={t('rules.review.title', { name: t(`ruleSet.${name}`), version: version.version })}>
                <StatusBadge status={version.status} />
                <Link to={`/rules/${name}`}>{t('rules.review.allVersions')}</Link>
                {permissions.editRules && <Link to={`/rules/${name}/edit?from=${version.version}`}>{t('rules.versions.copy')}</Link>}
              </PageHeader>
              <dl className="meta">
                <dt>{t('rules.versions.author')}</dt>
                <dd data-testid="version-author">{version.author}</dd>
                <dt>{t('rules.versions.created')}</dt>
                <dd>{dateTime(version.createdAt, i18n.language)}</dd>
                <dt>{t('rules.versions.base')}</dt>
                <dd>{version.baseVersion ? `v${version.baseVersion}` : '—'}</dd>
                <dt>{t('rules.versions.approvedBy')}</dt>
                <dd>{version.approvedBy ?? '—'}</dd>
                <dt>{t('rules.versions.activated')}</dt>
                <dd>{dateTime(version.activatedAt, i18n.language)}</dd>
                <dt>{t('rules.versions.comment')}</dt>
                <dd className="wrap">{version.comment || '—'}</dd>
              </dl>
              <Actions version={version} live={live} />
              <div className="tabs" role="tablist">
                {tabs.map((id) => (
                  <button key={id} type="button" role="tab" aria-selected={tab === id} className={tab === id ? 'active' : ''} onClick={() => setTab(id)}>
                    {t(`rules.review.tab.${id}`)}
                  </button>
                ))}
              </div>
              <div className="tab-body">
                {tab === 'text' && <DrlEditor value={version.drl} ruleSet={name} readOnly minHeight="300px" />}
                {tab === 'diff' && (
                  <Suspense fallback={<Loading />}>
                    <DiffView
                      before={live?.drl ?? ''}
                      after={version.drl}
                      beforeLabel={live ? t('rules.diff.live', { version: live.version }) : t('rules.diff.nothingLive')}
                      afterLabel={t('rules.diff.version', { version: version.version })}
                    />
                  </Suspense>
                )}
                {tab === 'test' && <TestPanel ruleSet={name} version={version.version} />}
                {tab === 'backtest' && <BacktestPanel ruleSet={name} version={version.version} />}
              </div>
            </>
          );
        }}
      </QueryView>
    </div>
  );
}
