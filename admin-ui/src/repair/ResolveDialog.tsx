import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { yuan } from '../shared/format';
import { ReasonDialog } from '../shared/ui';
import { repairApi, type Anomaly, type Resolution } from './api';

/** Closes an open anomaly with one of the resolutions its kind allows (AnomalyView.resolutions) and a reason. */
export function ResolveDialog({ anomaly, onDone, onClose }: { anomaly: Anomaly; onDone: () => Promise<void> | void; onClose: () => void }) {
  const { t } = useTranslation();
  const allowed = anomaly.resolutions ?? [];
  const [resolution, setResolution] = useState<Resolution | null>(allowed.length === 1 ? allowed[0] : null);
  return (
    <ReasonDialog
      title={t('repair.resolveTitle', { kind: t(`anomaly.${anomaly.kind}`, { defaultValue: anomaly.kind }), order: anomaly.orderId })}
      intro={anomaly.amountAtStake > 0 ? <p>{t('repair.resolveIntro', { amount: yuan(anomaly.amountAtStake) })}</p> : undefined}
      label={t('repair.reason')}
      confirmLabel={t('repair.resolve')}
      danger={resolution === 'WRITE_OFF' || resolution === 'RECHARGE_MERCHANT'}
      ready={resolution !== null}
      onSubmit={async (reason) => {
        if (resolution) {
          await repairApi.resolve(anomaly.id, resolution, reason);
          await onDone();
        }
      }}
      onClose={onClose}
    >
      <fieldset className="choices" data-testid="resolutions">
        <legend>{t('repair.resolution')}</legend>
        {allowed.map((r) => (
          <label key={r} className="choice choice-block">
            <input type="radio" name="resolution" value={r} checked={resolution === r} onChange={() => setResolution(r)} />
            <span><strong>{t(`repair.resolutions.${r}`)}</strong><span className="small muted"> {t(`repair.resolutionAbout.${r}`)}</span></span>
          </label>
        ))}
      </fieldset>
    </ReasonDialog>
  );
}
