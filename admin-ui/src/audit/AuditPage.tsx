import { Fragment, useState } from 'react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { dateTime, localInputToIso } from '../shared/format';
import { Empty, ErrorBox, Loading, PageHeader } from '../shared/ui';
import { AUDIT_FILTERS, auditActionLabel, auditApi, changesOf, showValue, targetLink, type AuditEntry, type AuditFilter } from './api';

function ChainStatus() {
  const { t } = useTranslation();
  const verify = useQuery({ queryKey: ['audit', 'verify'], queryFn: auditApi.verify });
  if (verify.isPending) return <Loading label={t('audit.verifying')} />;
  if (verify.isError) return <ErrorBox error={verify.error} onRetry={() => void verify.refetch()} />;
  const v = verify.data;
  return (
    <div className={`state ${v.intact ? 'state-ok' : 'state-error'}`} data-testid="chain-status">
      {v.intact ? <span className="chain-ok">✓ {t('audit.intact', { entries: v.entries })}</span> : <span className="chain-broken">{t('audit.broken', { id: v.firstBroken, entries: v.entries })}</span>}
      <button type="button" className="link" onClick={() => void verify.refetch()} disabled={verify.isFetching}>{t('audit.verifyAgain')}</button>
    </div>
  );
}

function Changes({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const changes = changesOf(entry);
  if (changes.length === 0) return <p className="muted">{t('audit.noChanges')}</p>;
  return (
    <table className="diff-table" data-testid="audit-diff">
      <thead><tr><th>{t('audit.path')}</th><th>{t('audit.before')}</th><th>{t('audit.after')}</th></tr></thead>
      <tbody>{changes.map((d, i) => (
        <tr key={i}><td><code>{d.path || t('audit.wholeState')}</code></td><td className="removed">{showValue(d.before)}</td><td className="added">{showValue(d.after)}</td></tr>
      ))}</tbody>
    </table>
  );
}

export default function AuditPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const applied = Object.fromEntries(AUDIT_FILTERS.map((f) => [f, params.get(f) ?? ''])) as Record<AuditFilter, string>;
  const [form, setForm] = useState(applied);
  const [open, setOpen] = useState<number | null>(null);
  const query = { ...applied, from: localInputToIso(applied.from), to: localInputToIso(applied.to) };
  const trail = useInfiniteQuery({
    queryKey: ['audit', query],
    queryFn: ({ pageParam }) => auditApi.search({ ...query, cursor: pageParam ?? undefined }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const items = trail.data?.pages.flatMap((p) => p.items) ?? [];
  const field = (k: AuditFilter) => ({ value: form[k], onChange: (e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [k]: e.target.value }) });
  return (
    <div className="page">
      <PageHeader title={t('audit.title')} />
      <ChainStatus />
      <form className="filters" onSubmit={(e) => { e.preventDefault(); setParams(Object.fromEntries(Object.entries(form).filter(([, v]) => v.trim()))); }}>
        <label>{t('audit.actor')}<input {...field('actor')} placeholder="operator" /></label>
        <label>{t('audit.action')}<input {...field('action')} placeholder="ORDER_REFUND" /></label>
        <label>{t('audit.target')}<input {...field('target')} placeholder={t('audit.targetHint')} /></label>
        <label>{t('orders.from')}<input type="datetime-local" {...field('from')} /></label>
        <label>{t('orders.to')}<input type="datetime-local" {...field('to')} /></label>
        <button type="submit" className="primary">{t('action.search')}</button>
        <button type="button" onClick={() => { setForm(Object.fromEntries(AUDIT_FILTERS.map((f) => [f, ''])) as Record<AuditFilter, string>); setParams({}); }}>{t('action.reset')}</button>
      </form>
      {trail.isPending ? <Loading /> : trail.isError ? <ErrorBox error={trail.error} onRetry={() => void trail.refetch()} /> : items.length === 0 ? <Empty>{t('audit.none')}</Empty> : (
        <div className="table-wrap">
          <table data-testid="audit">
            <thead><tr><th>{t('audit.at')}</th><th>{t('audit.actor')}</th><th>{t('audit.action')}</th><th>{t('audit.target')}</th><th>{t('audit.reason')}</th><th /></tr></thead>
            <tbody>{items.map((e) => {
              const link = targetLink(e.target);
              return (
                <Fragment key={e.id}>
                  <tr className={open === e.id ? 'selected' : ''}>
                    <td>{dateTime(e.at, i18n.language)}</td>
                    <td>{e.actor}{e.roles?.length ? <div className="small muted">{e.roles.map((r) => t(`role.${r}`, { defaultValue: r })).join(' · ')}</div> : null}</td>
                    <td>{auditActionLabel(e.action, t) ?? <code>{e.action}</code>}{auditActionLabel(e.action, t) && <div className="small muted"><code>{e.action}</code></div>}</td>
                    <td>{link ? <Link to={link}>{e.target}</Link> : e.target}</td>
                    <td className="wrap">{e.reason ?? '—'}</td>
                    <td><button type="button" className="link" onClick={() => setOpen(open === e.id ? null : e.id)} aria-expanded={open === e.id}>{open === e.id ? t('audit.hide') : t('audit.showDiff')}</button></td>
                  </tr>
                  {open === e.id && <tr className="expanded"><td colSpan={6}><Changes entry={e} /></td></tr>}
                </Fragment>
              );
            })}</tbody>
          </table>
          {trail.hasNextPage && <p><button type="button" onClick={() => void trail.fetchNextPage()} disabled={trail.isFetchingNextPage}>{trail.isFetchingNextPage ? t('state.loading') : t('action.more')}</button></p>}
        </div>
      )}
    </div>
  );
}
