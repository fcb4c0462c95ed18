import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, post } from '../shared/api';
import { basisPoints, parseYuan, yuan } from '../shared/format';
import { Empty, ErrorBox, Loading, PageHeader, QueryView, ReasonDialog, StatusBadge } from '../shared/ui';
import { usePermissions } from '../shared/UserContext';

interface Merchant { code: string; name: string; status: string; priceRateBp: number; balance: number }
interface Reconciliation { opening: number; balance: number; credits: number; debits: number; refunds: number }

/** The ledger identity the server proves: balance = opening + credits − debits + refunds. */
export function balances(r: Reconciliation): boolean {
  return r.opening + r.credits - r.debits + r.refunds === r.balance;
}

function ReconciliationView({ code }: { code: string }) {
  const { t } = useTranslation();
  const rec = useQuery({ queryKey: ['merchants', code, 'reconciliation'], queryFn: () => api<Reconciliation>(`/merchants/${code}/reconciliation`) });
  if (rec.isPending) return <Loading />;
  if (rec.isError) return <ErrorBox error={rec.error} />;
  const r = rec.data;
  return (
    <div data-testid="reconciliation">
      <dl className="facts">
        <dt>{t('merchants.opening')}</dt><dd>{yuan(r.opening)}</dd>
        <dt>{t('merchants.credits')}</dt><dd>+ {yuan(r.credits)}</dd>
        <dt>{t('merchants.debits')}</dt><dd>− {yuan(r.debits)}</dd>
        <dt>{t('merchants.refunds')}</dt><dd>+ {yuan(r.refunds)}</dd>
        <dt>{t('merchants.balance')}</dt><dd><strong>{yuan(r.balance)}</strong></dd>
      </dl>
      <p className={balances(r) ? 'ok' : 'error-text'}>{balances(r) ? `✓ ${t('merchants.reconciled')}` : t('merchants.notReconciled')}</p>
    </div>
  );
}

export default function MerchantsPage() {
  const { t } = useTranslation();
  const permissions = usePermissions();
  const queryClient = useQueryClient();
  const merchants = useQuery({ queryKey: ['merchants'], queryFn: () => api<Merchant[]>('/merchants') });
  const [crediting, setCrediting] = useState<Merchant | null>(null);
  const [amount, setAmount] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const fen = parseYuan(amount);
  return (
    <div className="page">
      <PageHeader title={t('merchants.title')} />
      <div className="two-col">
        <section className="panel">
          <QueryView query={merchants} isEmpty={(m) => m.length === 0} empty={t('merchants.none')}>
            {(list) => (
              <table data-testid="merchants">
                <thead><tr><th>{t('merchants.code')}</th><th>{t('merchants.name')}</th><th>{t('merchants.status')}</th><th className="num">{t('merchants.rate')}</th><th className="num">{t('merchants.balance')}</th><th /></tr></thead>
                <tbody>{list.map((m) => (
                  <tr key={m.code} className={selected === m.code ? 'row-live' : ''}>
                    <td><code>{m.code}</code></td><td>{m.name}</td><td><StatusBadge status={m.status} /></td>
                    <td className="num">{basisPoints(m.priceRateBp)}</td><td className="num">{yuan(m.balance)}</td>
                    <td className="actions">
                      <button type="button" className="link" onClick={() => setSelected(m.code)}>{t('merchants.reconcile')}</button>
                      {permissions.creditMerchants && <button type="button" className="link" onClick={() => { setAmount(''); setCrediting(m); }}>{t('merchants.credit')}</button>}
                    </td>
                  </tr>
                ))}</tbody>
              </table>
            )}
          </QueryView>
        </section>
        <section className="panel">
          <h2>{t('merchants.reconciliation')}{selected ? ` · ${selected}` : ''}</h2>
          {selected ? <ReconciliationView code={selected} /> : <Empty>{t('merchants.pick')}</Empty>}
        </section>
      </div>
      {crediting && (
        <ReasonDialog title={t('merchants.creditTitle', { code: crediting.code })}
          intro={<p>{t('merchants.creditIntro', { balance: yuan(crediting.balance) })}</p>}
          label={t('merchants.reason')} confirmLabel={fen ? t('merchants.creditConfirm', { amount: yuan(fen) }) : t('merchants.credit')}
          onSubmit={async (reason) => {
            if (!fen) throw new Error(t('merchants.badAmount'));
            await post(`/merchants/${crediting.code}/credits`, { amount: fen, note: reason });
            await queryClient.invalidateQueries({ queryKey: ['merchants'] });
          }}
          onClose={() => setCrediting(null)}>
          <label className="field-label">{t('merchants.amount')}<input value={amount} onChange={(e) => setAmount(e.target.value)} placeholder="1000.00" autoFocus /></label>
          {amount && !fen && <div className="state state-warning">{t('merchants.badAmount')}</div>}
        </ReasonDialog>
      )}
    </div>
  );
}
