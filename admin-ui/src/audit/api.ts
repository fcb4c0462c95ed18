import { api } from '../shared/api';

export interface AuditChange {
  path: string;
  before: unknown;
  after: unknown;
}

/** One audit entry (audit/AuditEntryView). */
export interface AuditEntry {
  id: number; at: string; actor: string; roles: string[] | null; action: string; target: string; reason: string | null;
  before: unknown; after: unknown; diff: AuditChange[] | null;
}

export interface AuditPage {
  items: AuditEntry[];
  nextCursor: string | null;
}

export interface AuditVerification {
  intact: boolean;
  entries: number;
  firstBroken: number | null;
}

export const AUDIT_FILTERS = ['actor', 'action', 'target', 'from', 'to'] as const;
export type AuditFilter = (typeof AUDIT_FILTERS)[number];

/** The changes to show for an entry: its field diff, or the whole before/after when the API found no field paths. */
export function changesOf(entry: Pick<AuditEntry, 'diff' | 'before' | 'after'>): AuditChange[] {
  if (entry.diff && entry.diff.length > 0) return entry.diff;
  if (entry.before === null && entry.after === null) return [];
  return [{ path: '', before: entry.before, after: entry.after }];
}

/** A diff value as text: strings as they are, absent as a dash, anything else as JSON. */
export function showValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Where an entry's target lives in the console ("order:T1" → the order page), if anywhere. */
export function targetLink(target: string): string | null {
  const version = /^([\w-]+) v(\d+)$/.exec(target);
  if (version) return `/rules/${encodeURIComponent(version[1])}/versions/${version[2]}`;
  const colon = target.indexOf(':');
  if (colon <= 0 || colon === target.length - 1) return null;
  const id = encodeURIComponent(target.slice(colon + 1));
  switch (target.slice(0, colon)) {
    case 'order': return `/orders/${id}`;
    case 'anomaly': return `/repair?anomaly=${id}`;
    case 'channel': return `/channels/${id}`;
    case 'merchant': return '/merchants';
    default: return null;
  }
}

/**
 * A person's words for an audit action code, built from the console's translations: operator actions
 * (ORDER_REFUND_REQUESTED), anomaly resolutions (ANOMALY_WRITE_OFF) and the named ones; null for a code it does not
 * know, which is then shown as it is.
 */
export function auditActionLabel(action: string, t: (key: string, options?: Record<string, unknown>) => string): string | null {
  const order = /^ORDER_(RETRY|REFUND|MARK_SUCCEEDED|RESEND_NOTIFY)(?:_(REQUESTED|CONFIRMED|REJECTED))?$/.exec(action);
  if (order) {
    const name = t(`order.action.${order[1].toLowerCase().replaceAll('_', '-')}`);
    return order[2] ? t(`audit.step.${order[2]}`, { action: name }) : name;
  }
  const anomaly = /^ANOMALY_(RECHARGE_MERCHANT|WRITE_OFF|DISMISS)$/.exec(action);
  if (anomaly) return t('audit.resolved', { resolution: t(`repair.resolutions.${anomaly[1]}`) });
  const named = t(`audit.actions.${action}`, { defaultValue: '' });
  return named || null;
}

export const auditApi = {
  search: (query: Record<string, string | undefined>) => api<AuditPage>('/audit', { query }),
  verify: () => api<AuditVerification>('/audit/verify'),
};
