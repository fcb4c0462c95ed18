import { lazy, Suspense } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Loading, ReasonDialog } from '../shared/ui';
import { ruleKeys, rulesApi, type RuleVersion } from './api';

const DiffView = lazy(() => import('./DiffView'));

/** Confirms a rollback by showing what would change on the live rules. */
export function RollbackDialog({
  target,
  live,
  onClose,
}: {
  target: RuleVersion;
  live: RuleVersion | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return (
    <ReasonDialog
      wide
      danger
      required={false}
      title={t('rules.rollback.title', { name: t(`ruleSet.${target.name}`), version: target.version })}
      intro={<p>{t('rules.rollback.intro', { live: live?.version ?? '—', version: target.version })}</p>}
      label={t('rules.rollback.note')}
      confirmLabel={t('rules.rollback.confirm', { version: target.version })}
      onSubmit={async () => {
        await rulesApi.rollback(target.name, target.version);
        await queryClient.invalidateQueries({ queryKey: ruleKeys.all });
      }}
      onClose={onClose}
    >
      <Suspense fallback={<Loading />}>
        <DiffView
          before={live?.drl ?? ''}
          after={target.drl}
          beforeLabel={live ? t('rules.diff.live', { version: live.version }) : t('rules.diff.nothingLive')}
          afterLabel={t('rules.diff.version', { version: target.version })}
        />
      </Suspense>
    </ReasonDialog>
  );
}
