import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { carrierName, dateTime, yuan } from '../shared/format';
import { ErrorBox, PageHeader, QueryView, StatusBadge } from '../shared/ui';
import { confirm, listMerchants, suggestedPrefix, understand, validPrefix, type InstructionProblem, type PlacedOrder, type Understood } from './api';
import { MarkedText, markLabel } from './MarkedText';

/**
 * The line under a problem: the face values the carrier does offer, in yuan; otherwise the server's own sentence,
 * which is English, so only in the English console.
 */
export function problemDetail(problem: InstructionProblem, language: string, t: (key: string, options?: Record<string, unknown>) => string): string {
  const offered = problem.details?.faceValues;
  if (problem.code === 'UNSUPPORTED_FACE_VALUE' && Array.isArray(offered)) {
    return t('instructions.offered', { values: offered.map((fen) => yuan(Number(fen))).join(' · ') });
  }
  return language === 'en' ? problem.message : '';
}

/** What the server understood, for the merchant and the exact text it read. */
interface Reading { merchant: string; text: string; answer: Understood }

function Understanding({ reading, onPlaced }: { reading: Reading; onPlaced: (orders: PlacedOrder[]) => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [prefix, setPrefix] = useState(() => suggestedPrefix(new Date()));
  const { answer } = reading;
  const place = useMutation({
    mutationFn: () => confirm(reading.merchant, answer.confirmation ?? '', prefix.trim()),
    onSuccess: async (placed) => {
      onPlaced(placed.orders);
      await queryClient.invalidateQueries({ queryKey: ['merchants'] });
    },
  });
  const covered = answer.balanceAfter >= 0;
  return (
    <section className="panel" data-testid="understood">
      <h2>{t('instructions.understood')}</h2>
      {answer.readBy === 'model' && <div className="state state-info">{t('instructions.readByModel')}</div>}
      <MarkedText text={reading.text} items={answer.items} problems={answer.problems} />
      {answer.items.length > 0 ? (
        <table data-testid="instruction-items">
          <thead><tr><th>#</th><th>{t('instructions.phone')}</th><th>{t('instructions.carrier')}</th><th>{t('instructions.province')}</th>
            <th className="num">{t('instructions.faceValue')}</th><th className="num">{t('instructions.price')}</th></tr></thead>
          <tbody>{answer.items.map((item, index) => (
            <tr key={index}>
              <td><sup className="mark-label-item">{index + 1}</sup></td><td><code>{item.phone}</code></td><td>{carrierName(item.carrier)}</td>
              <td>{item.province ?? '—'}</td><td className="num">{yuan(item.faceValue)}</td><td className="num">{yuan(item.price)}</td>
            </tr>
          ))}</tbody>
        </table>
      ) : <div className="state state-warning">{t('instructions.nothingToPlace')}</div>}
      {answer.problems.length > 0 && (
        <div className="instruction-problems" data-testid="instruction-problems">
          <h3>{t('instructions.problems', { count: answer.problems.length })}</h3>
          <ul>{answer.problems.map((p, index) => (
            <li key={index}>
              <sup className="mark-label-problem">{markLabel({ kind: 'problem', index, span: p.span })}</sup>{' '}
              <strong>{t(`instructions.problem.${p.code}`, { defaultValue: p.code })}</strong>
              {' · '}<q>{reading.text.slice(p.span[0], p.span[1])}</q>
              <div className="small muted">{problemDetail(p, i18n.language, t)}</div>
            </li>
          ))}</ul>
        </div>
      )}
      {answer.confirmation && (
        <>
          <dl className="facts instruction-totals">
            <dt>{t('instructions.total')}</dt><dd><strong>{yuan(answer.totalPrice)}</strong></dd>
            <dt>{t('instructions.balanceAfter')}</dt><dd className={covered ? '' : 'error-text'} data-testid="balance-after">{yuan(answer.balanceAfter)}</dd>
            <dt>{t('instructions.expires')}</dt><dd>{dateTime(answer.expiresAt, i18n.language)}</dd>
          </dl>
          {!covered && <div className="state state-error">{t('instructions.notCovered')}</div>}
          {answer.problems.length > 0 && <div className="state state-warning">{t('instructions.partly', { count: answer.items.length })}</div>}
          <form className="confirm-form" onSubmit={(e) => { e.preventDefault(); place.mutate(); }}>
            <label>{t('instructions.prefix')}<input value={prefix} onChange={(e) => setPrefix(e.target.value)} data-testid="prefix" /></label>
            <button type="submit" className="primary" disabled={place.isPending || !validPrefix(prefix.trim(), answer.items.length)}>
              {place.isPending ? t('state.working') : t('instructions.place', { count: answer.items.length, amount: yuan(answer.totalPrice) })}
            </button>
          </form>
          <p className="small muted">{t('instructions.prefixHint', { example: `${prefix.trim() || 'PREFIX'}-1` })}</p>
          {!validPrefix(prefix.trim(), answer.items.length) && <div className="state state-warning">{t('instructions.badPrefix')}</div>}
          {place.isError && <ErrorBox error={place.error} />}
        </>
      )}
    </section>
  );
}

function Placed({ orders, onAgain }: { orders: PlacedOrder[]; onAgain: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="panel" data-testid="placed">
      <div className="state state-ok">{t('instructions.placed', { count: orders.length })}</div>
      <div className="table-wrap">
        <table>
          <thead><tr><th>{t('instructions.order')} / {t('instructions.merchantOrderId')}</th><th>{t('instructions.phone')}</th>
            <th className="num">{t('instructions.faceValue')}</th><th>{t('merchants.status')}</th></tr></thead>
          <tbody>{orders.map((o) => (
            <tr key={o.orderId}>
              <td><Link to={`/orders/${o.orderId}`}><code>{o.orderId}</code></Link><div className="small muted"><code>{o.merchantOrderId}</code></div></td>
              <td><code>{o.phone}</code></td><td className="num">{yuan(o.faceValue)}</td><td><StatusBadge status={o.status} /></td>
            </tr>
          ))}</tbody>
        </table>
      </div>
      <button type="button" onClick={onAgain} style={{ marginTop: 10 }}>{t('instructions.again')}</button>
    </section>
  );
}

export default function InstructionsPage() {
  const { t } = useTranslation();
  const merchants = useQuery({ queryKey: ['merchants'], queryFn: listMerchants });
  const [merchant, setMerchant] = useState('');
  const [text, setText] = useState('');
  const [reading, setReading] = useState<Reading | null>(null);
  const [placed, setPlaced] = useState<PlacedOrder[] | null>(null);
  const read = useMutation({
    mutationFn: (input: { merchant: string; text: string }) => understand(input.merchant, input.text).then((answer) => ({ ...input, answer })),
    onSuccess: (result) => { setReading(result); setPlaced(null); },
  });
  // anything typed after reading makes the reading stale: it no longer matches what would be confirmed
  const current = reading && reading.merchant === merchant && reading.text === text ? reading : null;
  const chosen = merchants.data?.find((m) => m.code === merchant);
  return (
    <div className="page">
      <PageHeader title={t('instructions.title')} />
      <div className="two-col">
        <section className="panel">
          <p className="small muted">{t('instructions.hint')}</p>
          <QueryView query={merchants} isEmpty={(list) => list.length === 0} empty={t('merchants.none')}>
            {(list) => (
              <label className="field-label">{t('instructions.merchant')}
                <select value={merchant} onChange={(e) => setMerchant(e.target.value)} data-testid="instruction-merchant" style={{ display: 'block', marginTop: 4 }}>
                  <option value="">{t('instructions.pickMerchant')}</option>
                  {list.filter((m) => m.status === 'ACTIVE').map((m) => (
                    <option key={m.code} value={m.code}>{m.code} · {m.name}</option>
                  ))}
                </select>
              </label>
            )}
          </QueryView>
          {chosen && <p className="small muted">{t('instructions.balance', { balance: yuan(chosen.balance) })}</p>}
          <form onSubmit={(e) => { e.preventDefault(); read.mutate({ merchant, text }); }}>
            <label className="field-label" htmlFor="instruction-text">{t('instructions.text')}</label>
            <textarea id="instruction-text" rows={4} value={text} maxLength={4000} onChange={(e) => setText(e.target.value)}
              placeholder={t('instructions.placeholder')} data-testid="instruction-text" />
            <div className="toolbar" style={{ marginTop: 8 }}>
              <button type="submit" className="primary" disabled={!merchant || !text.trim() || read.isPending}>
                {read.isPending ? t('state.working') : t('instructions.understand')}
              </button>
              <span className="small muted">{t('instructions.nothingCharged')}</span>
            </div>
          </form>
          {read.isError && <ErrorBox error={read.error} />}
          {reading && !current && !placed && <div className="state state-info">{t('instructions.stale')}</div>}
        </section>
        <div>
          {placed ? <Placed orders={placed} onAgain={() => { setPlaced(null); setReading(null); setText(''); }} />
            : current ? <Understanding key={current.answer.confirmation ?? current.text} reading={current} onPlaced={setPlaced} />
              : <section className="panel"><p className="muted">{t('instructions.empty')}</p></section>}
        </div>
      </div>
    </div>
  );
}
