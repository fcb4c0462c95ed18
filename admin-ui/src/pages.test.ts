import { describe, expect, it } from 'vitest';
import { totals } from './dashboard/DashboardPage';
import { minutesOf, seriesOf, type ChannelOverTime } from './channels/api';
import { actionsFor } from './orders/api';
import { atStake } from './repair/RepairPage';
import { balances } from './merchants/MerchantsPage';
import { shareRows } from './rules/BacktestPanel';
import { parseFacts } from './rules/samples';

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

  it('offers operator actions that fit the order state', () => {
    expect(actionsFor('REVIEW')).toEqual(['retry', 'refund', 'mark-succeeded']);
    expect(actionsFor('PENDING')).toEqual([]);
    expect(actionsFor('SUCCEEDED')).toContain('resend-notify');
  });

  it('shows the money at stake of an anomaly', () => {
    expect(atStake({ details: { expectedAmount: 10000, reportedAmount: 5000 } })).toBe(5000);
    expect(atStake({ details: { expectedAmount: 10000 } })).toBe(10000);
    expect(atStake({ details: {} })).toBeNull();
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

  it('refuses facts that are not an object of known parts', () => {
    expect('problem' in parseFacts('[1]')).toBe(true);
    expect('problem' in parseFacts('{"ordr": {}}')).toBe(true);
    expect('problem' in parseFacts('{')).toBe(true);
    expect(parseFacts('{"order": {"carrier": "CHINA_MOBILE"}}')).toEqual({ facts: { order: { carrier: 'CHINA_MOBILE' } } });
  });
});
