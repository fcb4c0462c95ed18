import { useEffect, useId, useState, type ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api';

/** The message a person should read for a failed call: the contract error's message, or a plain sentence. */
export function useErrorText() {
  const { t } = useTranslation();
  return (error: unknown): string => {
    if (error instanceof ApiError) {
      if (error.code === 'NETWORK') return t('error.network');
      if (error.status === 401) return t('error.unauthorized');
      if (error.status === 403) return t('error.forbidden');
      return error.message;
    }
    return error instanceof Error ? error.message : String(error);
  };
}

export function ErrorBox({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const text = useErrorText();
  const code = error instanceof ApiError && !error.code.startsWith('HTTP_') ? error.code : null;
  return (
    <div className="state state-error" role="alert">
      <strong>{t('state.error')}</strong> {text(error)}
      {code && <code className="muted"> ({code})</code>}
      {onRetry && (
        <button type="button" className="link" onClick={onRetry}>
          {t('action.retry')}
        </button>
      )}
    </div>
  );
}

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="state state-loading" aria-busy="true">
      <span className="spinner" aria-hidden="true" /> {label ?? t('state.loading')}
    </div>
  );
}

export function Empty({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  return <div className="state state-empty">{children ?? t('state.empty')}</div>;
}

/** Loading, error and empty states of one query in one way; children render the data. */
export function QueryView<T>({
  query,
  isEmpty,
  empty,
  children,
}: {
  query: UseQueryResult<T>;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorBox error={query.error} onRetry={() => void query.refetch()} />;
  if (isEmpty?.(query.data)) return <Empty>{empty}</Empty>;
  return <>{children(query.data)}</>;
}

export function Dialog({
  title,
  children,
  actions,
  onClose,
  wide,
}: {
  title: string;
  children: ReactNode;
  actions: ReactNode;
  onClose: () => void;
  wide?: boolean;
}) {
  const id = useId();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className={`dialog${wide ? ' dialog-wide' : ''}`} role="dialog" aria-modal="true" aria-labelledby={id}>
        <h2 id={id}>{title}</h2>
        <div className="dialog-body">{children}</div>
        <div className="dialog-actions">{actions}</div>
      </div>
    </div>
  );
}

/**
 * Asks for a reason (or comment) before an action; the action's error is shown inside the dialog so the
 * person can correct it without losing what they typed.
 */
export function ReasonDialog({
  title,
  intro,
  label,
  confirmLabel,
  required = true,
  onSubmit,
  onClose,
  children,
  danger,
  wide,
  ready = true,
}: {
  title: string;
  intro?: ReactNode;
  label: string;
  confirmLabel: string;
  required?: boolean;
  onSubmit: (reason: string) => Promise<unknown>;
  onClose: () => void;
  children?: ReactNode;
  danger?: boolean;
  wide?: boolean;
  /** False while other fields of the dialog are not filled in yet. */
  ready?: boolean;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const id = useId();
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await onSubmit(reason.trim());
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      title={title}
      onClose={onClose}
      wide={wide}
      actions={
        <>
          <button type="button" onClick={onClose} disabled={busy}>
            {t('action.cancel')}
          </button>
          <button
            type="button"
            className={danger ? 'danger' : 'primary'}
            disabled={busy || !ready || (required && !reason.trim())}
            onClick={() => void submit()}
          >
            {busy ? t('state.working') : confirmLabel}
          </button>
        </>
      }
    >
      {intro && <div className="dialog-intro">{intro}</div>}
      {children}
      <label htmlFor={id} className="field-label">
        {label}
        {required && <span className="required"> *</span>}
      </label>
      <textarea id={id} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />
      {error !== null && <ErrorBox error={error} />}
    </Dialog>
  );
}

/** Asks "are you sure?" with what will happen; the action's error stays inside the dialog. */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  onConfirm,
  onClose,
  danger,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<unknown>;
  onClose: () => void;
  danger?: boolean;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      title={title}
      onClose={onClose}
      actions={
        <>
          <button type="button" onClick={onClose} disabled={busy}>{t('action.cancel')}</button>
          <button type="button" className={danger ? 'danger' : 'primary'} disabled={busy} onClick={() => void confirm()}>
            {busy ? t('state.working') : confirmLabel}
          </button>
        </>
      }
    >
      {children}
      {error !== null && <ErrorBox error={error} />}
    </Dialog>
  );
}

export function StatusBadge({ status }: { status: string | null | undefined }) {
  const { t } = useTranslation();
  if (!status) return <span className="muted">—</span>;
  return <span className={`badge badge-${status.toLowerCase()}`}>{t(`status.${status}`, { defaultValue: status })}</span>;
}

export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="page-header">
      <h1>{title}</h1>
      <div className="page-header-actions">{children}</div>
    </div>
  );
}
