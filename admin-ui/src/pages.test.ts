import { describe, expect, it } from 'vitest';
import { totals } from './dashboard/DashboardPage';
import { minutesOf, seriesOf, type ChannelOverTime } from './channels/api';
import { actionBody, actionPath, actionsFor } from './orders/api';
import { anomalyOf, detailPairs } from './orders/Timeline';
import { kindsByCount, totalAtStake } from './repair/api';
import { auditActionLabel, changesOf, showValue, targetLink } from './audit/api';
import i18n from './shared/i18n';
import { balances } from './merchants/MerchantsPage';
import { shareRows } from './rules/BacktestPanel';
import { parseFacts } from './rules/samples';
import { gap, yesterdayUtc } from './reconciliation/api';

describe('page logic', () => {
  it('sums the dashboard window and rates only finished orders', () => {
    const m = (succeeded: number, failed: number, review: number) => ({ minute: '', succeeded, failed, review, successRate: null, timeToFinalP50Millis: null, timeToFinalP95Millis: null });
    expect(totals([m(3, 1, 2), m(5, 1, 0)])).toEqual({ succeeded: 8, failed: 2, review: 2, successRate: 0.8 });
    expect(totals([m(0, 0, 4)]).successRate).toBeNull();
  });

  it('lays channel figures on every minute of the window, gaps as null', () => {
    const minutes = minutesOf('2026-01-01T10:00:30Z', '2026-01-01T10:02:10Z');
    expect(minutes).toEqual(['2026-01-01T10:00:00Z', '2026-01-01T10:01:00Z', '2026-01-01T10:02:00Z']);
    const over = { minutes: [{ minute: '2026-01-01T10:01:00Z', carrier: 'CHINA_MOBILE', finished: 4, succeeded: 3, successRate: 0.75, latencyP50Millis: 100, latencyP95Millis: 300 }] } as ChannelOverTime;
    expect(seriesOf(over, 'CHINA_MOBILE', 'successRate', minutes)).toEqual([null, 0.75, null]);
  });

  it('offers operator actions where the API applies them', () => {
    expect(actionsFor('REVIEW')).toEqual(['retry', 'refund', 'mark-succeeded']);
    expect(actionsFor('PROCESSING')).toEqual([]);
    expect(actionsFor('PENDING')).toEqual([]);
    expect(actionsFor('SUCCEEDED')).toEqual(['resend-notify']);
    expect(actionsFor('FAILED')).toEqual(['resend-notify']);
    expect(actionPath('MARK_SUCCEEDED')).toBe('mark-succeeded');
  });

  it('sends each action only the fields it takes', () => {
    expect(actionBody('refund', ' customer asked ', 'a1', { channelReference: 'R1', excludeChannels: ['x'] }))
      .toEqual({ reason: 'customer asked', actionId: 'a1' });
    expect(actionBody('mark-succeeded', 'seen on the portal', 'a2', { channelReference: ' R-9 ' }))
      .toEqual({ reason: 'seen on the portal', actionId: 'a2', channelReference: 'R-9' });
    expect(actionBody('retry', 'try again', 'a3', { excludeChannels: ['sim-slow'] }))
      .toEqual({ reason: 'try again', actionId: 'a3', excludeChannels: ['sim-slow'] });
    expect(actionBody('retry', 'try again', 'a4', { excludeChannels: [] })).toEqual({ reason: 'try again', actionId: 'a4' });
  });

  it('reads timeline details and the anomaly they point at', () => {
    expect(detailPairs({ channel: 'sim-fast', firedRules: ['a', 'b'], extra: { n: 1 }, none: null, empty: [] }))
      .toEqual([['channel', 'sim-fast'], ['firedRules', 'a → b'], ['extra', '{"n":1}']]);
    expect(detailPairs(null)).toEqual([]);
    expect(anomalyOf({ at: '', kind: 'ANOMALY', actor: null, summary: '', details: { anomaly: 7 } })).toBe(7);
    expect(anomalyOf({ at: '', kind: 'QUERY', actor: null, summary: '', details: {} })).toBeNull();
    expect(anomalyOf({ at: '', kind: 'REPAIR', actor: null, summary: '', details: { anomaly: 7 } })).toBeNull();
  });

  it('orders the anomaly kinds by open count and sums the money at stake', () => {
    const kinds = kindsByCount({ DUPLICATE_SUCCESS: 2, STUCK_PROCESSING: 5, NEW_KIND: 1 });
    expect(kinds.slice(0, 3)).toEqual([{ kind: 'STUCK_PROCESSING', open: 5 }, { kind: 'DUPLICATE_SUCCESS', open: 2 }, { kind: 'NEW_KIND', open: 1 }]);
    expect(kinds.find((k) => k.kind === 'AMOUNT_MISMATCH')).toEqual({ kind: 'AMOUNT_MISMATCH', open: 0 });
    expect(totalAtStake({ STUCK_PROCESSING: 9850, DUPLICATE_SUCCESS: 150 })).toBe(10000);
    expect(totalAtStake({})).toBe(0);
  });

  it('shows audit changes and links their targets', () => {
    const diff = [{ path: 'status', before: 'REVIEW', after: 'FAILED' }];
    expect(changesOf({ diff, before: {}, after: {} })).toBe(diff);
    expect(changesOf({ diff: [], before: 'DRAFT', after: 'SUBMITTED' })).toEqual([{ path: '', before: 'DRAFT', after: 'SUBMITTED' }]);
    expect(changesOf({ diff: [], before: null, after: null })).toEqual([]);
    expect(showValue(null)).toBe('—');
    expect(showValue({ a: 1 })).toBe('{"a":1}');
    expect(targetLink('order:T123')).toBe('/orders/T123');
    expect(targetLink('anomaly:4')).toBe('/repair?anomaly=4');
    expect(targetLink('routing v3')).toBe('/rules/routing/versions/3');
    expect(targetLink('portability:abc')).toBeNull();
    expect(targetLink('number-ranges')).toBeNull();
  });

  it('names audit actions in words, codes it does not know stay codes', async () => {
    await i18n.changeLanguage('en');
    const t = i18n.t.bind(i18n) as unknown as (key: string, options?: Record<string, unknown>) => string;
    expect(auditActionLabel('ORDER_REFUND', t)).toBe('Refund');
    expect(auditActionLabel('ORDER_MARK_SUCCEEDED_REQUESTED', t)).toBe('Mark succeeded requested (to confirm)');
    expect(auditActionLabel('ANOMALY_WRITE_OFF', t)).toBe('Anomaly resolved: Write off');
    expect(auditActionLabel('RULESET_APPROVED', t)).toBe('Rules approved and live');
    expect(auditActionLabel('SOMETHING_NEW', t)).toBeNull();
    await i18n.changeLanguage('zh-CN');
    expect(auditActionLabel('ORDER_REFUND_CONFIRMED', t)).toBe('确认退款');
  });

  it('checks the ledger identity', () => {
    expect(balances({ opening: 100, credits: 50, debits: 30, refunds: 10, balance: 130 })).toBe(true);
    expect(balances({ opening: 100, credits: 50, debits: 30, refunds: 10, balance: 131 })).toBe(false);
  });

  it('lists every channel of a backtest, largest new share first', () => {
    const rows = shareRows({ orders: 10, changed: 2, channelShare: { before: { a: 0.5, b: 0.5 }, after: { b: 0.7, c: 0.3 } }, expectedSuccess: { before: 0.9, after: 0.92 }, expectedCost: { before: 1, after: 1 } });
    expect(rows.map((r) => r.channel)).toEqual(['b', 'c', 'a']);
    expect(rows[2]).toEqual({ channel: 'a', before: 0.5, after: 0 });
  });

  it('reconciles yesterday (UTC) by default and shows the gap between the totals', () => {
    expect(yesterdayUtc(new Date('2026-03-01T00:30:00Z'))).toBe('2026-02-28');
    expect(yesterdayUtc(new Date('2026-01-01T23:59:00+08:00'))).toBe('2025-12-31');
    expect(gap({ statementTotal: 10_000, ourTotal: 9_700 })).toBe(300);
    expect(gap({ statementTotal: 5_000, ourTotal: 5_000 })).toBe(0);
  });

  it('refuses facts that are not an object of known parts', () => {
    expect('problem' in parseFacts('[1]')).toBe(true);
    expect('problem' in parseFacts('{"ordr": {}}')).toBe(true);
    expect('problem' in parseFacts('{')).toBe(true);
    expect(parseFacts('{"order": {"carrier": "CHINA_MOBILE"}}')).toEqual({ facts: { order: { carrier: 'CHINA_MOBILE' } } });
  });
});
