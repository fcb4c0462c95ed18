import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { QueryView } from '../shared/ui';
import { channelsApi } from './api';
import { FigureCells, PeriodPicker } from './CalibrationPanel';

/** Every channel's predicted against observed success over a period, on the channels page. */
export function CalibrationSummary() {
  const { t } = useTranslation();
  const [hours, setHours] = useState<number>(24);
  const report = useQuery({ queryKey: ['calibration', '*', hours], queryFn: () => channelsApi.calibration(hours), refetchInterval: 60_000 });
  return (
    <section className="panel" data-testid="calibration-summary" style={{ marginTop: 14 }}>
      <div className="panel-header">
        <h2 style={{ margin: 0 }}>{t('calibration.title')}</h2>
        <PeriodPicker hours={hours} onChange={setHours} />
      </div>
      <p className="small muted" style={{ marginTop: 0 }}>{t('calibration.about')}</p>
      <QueryView query={report} isEmpty={(r) => r.channels.length === 0} empty={t('calibration.none', { period: t(`calibration.periods.${hours}`) })}>
        {(r) => (
          <div className="table-wrap">
            <table>
              <thead><tr>
                <th>{t('channels.channel')}</th><th className="num">{t('calibration.attempts')}</th><th className="num">{t('calibration.predicted')}</th>
                <th className="num">{t('calibration.observed')}</th><th className="num">{t('calibration.gap')}</th>
              </tr></thead>
              <tbody>{r.channels.map((c) => (
                <tr key={c.channel}><td><Link to={`/channels/${c.channel}`}>{c.channel}</Link></td><FigureCells figures={c.overall} /></tr>
              ))}</tbody>
            </table>
          </div>
        )}
      </QueryView>
    </section>
  );
}
