import { Fragment, useState } from 'react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../shared/api';
import { dateTime, localInputToIso } from '../shared/format';
import { Empty, ErrorBox, Loading, PageHeader } from '../shared/ui';

interface AuditEntry {
  id: number; at: string; actor: string; roles?: string[]; action: string; target: string; reason?: string | null;
  before: unknown; after: unknown; diff?: { path: string; before: unknown; after: unknown }[];
}

const show = (v: unknown) => (v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

function ChainStatus() {
  const { t } = useTranslation();
  const verify = useQuery({ queryKey: ['audit', 'verify'], queryFn: () => api<{ intact: boolean; entries: number; firstBroken: number | null }>('/audit/verify') });
  if (verify.isPending) return <Loading label={t('audit.verifying')} />;
  if (verify.isError) return <ErrorBox error={verify.error} onRetry={() => void verify.refetch()} />;
  const v = verify.data;
  return (
    <div className={`state ${v.intact ? 'state-ok' : 'state-error'}`} data-testid="chain-status">
      {v.intact ? <span className="chain-ok">✓ {t('audit.intact', { entries: v.entries })}</span> : <span className="chain-broken">{t('audit.broken', { id: v.firstBroken, entries: v.entries })}</span>}
    </div>
  );
}

export default function AuditPage() {
  const { t, i18n } = useTranslation();
  const [form, setForm] = useState({ actor: '', action: '', target: '', from: '', to: '' });
  const [applied, setApplied] = useState(form);
  const [open, setOpen] = useState<number | null>(null);
  const query = { ...applied, from: localInputToIso(applied.from), to: localInputToIso(applied.to) };
  const trail = useInfiniteQuery({
    queryKey: ['audit', query],
    queryFn: ({ pageParam }) => api<{ items: AuditEntry[]; nextCursor: string | null }>('/audit', { query: { ...query, cursor: pageParam ?? undefined } }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const items = trail.data?.pages.flatMap((p) => p.items) ?? [];
  const field = (k: keyof typeof form) => ({ value: form[k], onChange: (e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [k]: e.target.value }) });
  return (
    <div className="page">
      <PageHeader title={t('audit.title')} />
      <ChainStatus />
      <form className="filters" onSubmit={(e) => { e.preventDefault(); setApplied(form); }}>
        <label>{t('audit.actor')}<input {...field('actor')} /></label>
        <label>{t('audit.action')}<input {...field('action')} placeholder="RULESET_APPROVED" /></label>
        <label>{t('audit.target')}<input {...field('target')} /></label>
        <label>{t('orders.from')}<input type="datetime-local" {...field('from')} /></label>
        <label>{t('orders.to')}<input type="datetime-local" {...field('to')} /></label>
        <button type="submit" className="primary">{t('action.search')}</button>
      </form>
      {trail.isPending ? <Loading /> : trail.isError ? <ErrorBox error={trail.error} onRetry={() => void trail.refetch()} /> : items.length === 0 ? <Empty>{t('audit.none')}</Empty> : (
        <div className="table-wrap">
          <table data-testid="audit">
            <thead><tr><th>{t('audit.at')}</th><th>{t('audit.actor')}</th><th>{t('audit.action')}</th><th>{t('audit.target')}</th><th>{t('audit.reason')}</th><th /></tr></thead>
            <tbody>{items.map((e) => (
              <Fragment key={e.id}>
                <tr>
                  <td>{dateTime(e.at, i18n.language)}</td><td>{e.actor}{e.roles?.length ? <div className="small muted">{e.roles.join(', ')}</div> : null}</td>
                  <td><code>{e.action}</code></td><td>{e.target}</td><td className="wrap">{e.reason ?? '—'}</td>
                  <td><button type="button" className="link" onClick={() => setOpen(open === e.id ? null : e.id)}>{open === e.id ? t('audit.hide') : t('audit.showDiff')}</button></td>
                </tr>
                {open === e.id && (
                  <tr><td colSpan={6}>
                    <table className="diff-table"><thead><tr><th>{t('audit.path')}</th><th>{t('audit.before')}</th><th>{t('audit.after')}</th></tr></thead>
                      <tbody>{(e.diff && e.diff.length ? e.diff : [{ path: '', before: e.before, after: e.after }]).map((d, i) => (
                        <tr key={i}><td><code>{d.path || '—'}</code></td><td className="removed">{show(d.before)}</td><td className="added">{show(d.after)}</td></tr>
                      ))}</tbody></table>
                  </td></tr>
                )}
              </Fragment>
            ))}</tbody>
          </table>
          {trail.hasNextPage && <p><button type="button" onClick={() => void trail.fetchNextPage()}>{t('action.more')}</button></p>}
        </div>
      )}
    </div>
  );
}
