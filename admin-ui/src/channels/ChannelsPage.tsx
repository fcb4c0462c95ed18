import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { basisPoints, carrierName, dateTime, millis, percent, yuan } from '../shared/format';
import { PageHeader, QueryView, ReasonDialog } from '../shared/ui';
import { usePermissions } from '../shared/UserContext';
import { channelsApi, measured, type ChannelNow } from './api';
import { CalibrationSummary } from './CalibrationSummary';
import { CircuitBadge } from './CircuitBadge';

export default function ChannelsPage() {
  const { t, i18n } = useTranslation();
  const permissions = usePermissions();
  const queryClient = useQueryClient();
  const channels = useQuery({ queryKey: ['channels'], queryFn: channelsApi.all, refetchInterval: 5_000 });
  const [toggle, setToggle] = useState<ChannelNow | null>(null);
  return (
    <div className="page">
      <PageHeader title={t('channels.title')} />
      <QueryView query={channels} isEmpty={(c) => c.length === 0} empty={t('channels.none')}>
        {(list) => (
          <div className="table-wrap">
            <table data-testid="channels">
              <thead>
                <tr>
                  <th>{t('channels.channel')}</th><th>{t('channels.carriers')}</th><th>{t('channels.circuit')}</th>
                  <th className="num">{t('channels.recentSuccess')}</th><th className="num">{t('channels.recentLatency')}</th>
                  <th className="num">{t('channels.inFlight')}</th><th className="num">{t('channels.quotaUsed')}</th>
                  <th className="num">{t('channels.cost')}</th><th>{t('channels.enabled')}</th>{permissions.editChannels && <th />}
                </tr>
              </thead>
              <tbody>
                {list.map((c) => {
                  const m = measured(c.figures);
                  return (
                    <tr key={c.channel.code}>
                      <td><Link to={`/channels/${c.channel.code}`}><strong>{c.channel.code}</strong></Link><div className="small muted">{c.channel.name}</div></td>
                      <td className="wrap">{c.channel.carriers.map(carrierName).join('、')}</td>
                      <td><CircuitBadge state={c.circuitState} />{c.circuitSince && <div className="small muted">{t('channels.since', { at: dateTime(c.circuitSince, i18n.language) })}</div>}</td>
                      <td className="num">{percent(m.successRate)}<div className="small muted">{t('channels.finished', { count: c.figures.finished })} · {t('channels.routingEstimate', { rate: percent(c.figures.successRate) })}</div></td>
                      <td className="num">{m.successRate === null ? '—' : `${millis(m.latencyP50Millis)} / ${millis(m.latencyP95Millis)}`}</td>
                      <td className="num">{c.figures.inFlight} / {c.channel.capacity}</td>
                      <td className="num">{yuan(c.figures.usedToday)}{c.channel.dailyQuota ? ` / ${yuan(c.channel.dailyQuota)}` : ''}</td>
                      <td className="num">{basisPoints(c.channel.costRateBp)}</td>
                      <td>{c.channel.enabled ? t('common.yes') : <span className="error-text">{t('common.no')}</span>}</td>
                      {permissions.editChannels && (
                        <td><button type="button" className={c.channel.enabled ? 'danger' : ''} onClick={() => setToggle(c)}>
                          {c.channel.enabled ? t('channels.disable') : t('channels.enable')}
                        </button></td>
                      )}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </QueryView>
      <CalibrationSummary />
      {toggle && (
        <ReasonDialog
          danger={toggle.channel.enabled}
          required={false}
          title={t(toggle.channel.enabled ? 'channels.disableTitle' : 'channels.enableTitle', { code: toggle.channel.code })}
          intro={<p>{t(toggle.channel.enabled ? 'channels.disableIntro' : 'channels.enableIntro', { inFlight: toggle.figures.inFlight })}</p>}
          label={t('channels.note')}
          confirmLabel={toggle.channel.enabled ? t('channels.disable') : t('channels.enable')}
          onSubmit={async () => {
            await channelsApi.save(toggle.channel.code, { enabled: !toggle.channel.enabled });
            await queryClient.invalidateQueries({ queryKey: ['channels'] });
          }}
          onClose={() => setToggle(null)}
        />
      )}
    </div>
  );
}
