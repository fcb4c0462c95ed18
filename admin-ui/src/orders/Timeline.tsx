import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { dateTime } from '../shared/format';
import { Empty } from '../shared/ui';
import type { TimelineEntry } from './api';

/** A timeline entry's details as label/value pairs; nested values as compact JSON. */
export function detailPairs(details: Record<string, unknown> | null | undefined): [string, string][] {
  if (!details) return [];
  return Object.entries(details)
    .filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => [k, typeof v === 'string' ? v : Array.isArray(v) && v.every((x) => typeof x === 'string') ? v.join(' → ') : JSON.stringify(v)]);
}

/** The anomaly an ANOMALY or REPAIR entry is about, when its details name one. */
export function anomalyOf(entry: TimelineEntry): number | null {
  if (entry.kind !== 'ANOMALY') return null;
  const id = entry.details?.anomaly ?? entry.details?.anomalyId;
  return typeof id === 'number' ? id : null;
}

function Entry({ entry }: { entry: TimelineEntry }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const pairs = detailPairs(entry.details);
  const anomaly = anomalyOf(entry);
  return (
    <li className={`timeline-${entry.kind.toLowerCase()}`}>
      <span className="muted">{dateTime(entry.at, i18n.language)}</span>
      <span className="kind">
        {t(`timeline.${entry.kind}`, { defaultValue: entry.kind })}
        {entry.actor && <div className="muted small">{entry.actor}</div>}
      </span>
      <span>
        {entry.summary}
        {anomaly !== null && <> · <Link to={`/repair?anomaly=${anomaly}`}>{t('order.openAnomaly', { id: anomaly })}</Link></>}
        {pairs.length > 0 && (
          <button type="button" className="link small" onClick={() => setOpen(!open)} aria-expanded={open}>
            {open ? t('audit.hide') : t('order.details')}
          </button>
        )}
        {open && (
          <dl className="facts small details">
            {pairs.map(([k, v]) => <div key={k} className="pair"><dt>{k}</dt><dd><code>{v}</code></dd></div>)}
          </dl>
        )}
      </span>
    </li>
  );
}

export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  const { t } = useTranslation();
  if (entries.length === 0) return <Empty>{t('order.noTimeline')}</Empty>;
  return (
    <ol className="timeline" data-testid="timeline">
      {entries.map((e, i) => <Entry key={`${e.at}-${i}`} entry={e} />)}
    </ol>
  );
}
