import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import '../shared/i18n';
import i18n from '../shared/i18n';
import { ActionDialog } from './ActionDialog';
import { ResolveDialog } from '../repair/ResolveDialog';
import type { OrderExplained } from './api';
import type { Anomaly } from '../repair/api';

vi.mock('../shared/auth', () => ({ accessToken: async () => 'token' }));

const explained: OrderExplained = {
  order: {
    orderId: 'T1', merchantOrderId: 'M1', phone: '138****0000', carrier: 'CHINA_MOBILE', province: '广东', country: 'CN',
    faceValue: 10000, price: 9850, status: 'REVIEW', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z',
    finishedAt: null, failureCode: null, merchant: 'demo-merchant', channel: 'sim-silent',
  },
  attempts: [{
    attemptId: 'A1', attemptNo: 1, channel: 'sim-silent', status: 'UNKNOWN', channelReference: 'REF-7', errorClass: null, errorCode: null,
    cost: 9700, ruleVersion: 1, firedRules: ['r'], fallbackAction: null, fallbackRuleVersion: null, fallbackFiredRules: null,
    probe: false, queries: 5, startedAt: '2026-01-01T00:00:00Z', finishedAt: null, latencyMillis: null,
  }],
  timeline: [],
};

function answer(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('operator dialogs', () => {
  const fetchMock = vi.fn();
  beforeEach(async () => {
    await i18n.changeLanguage('en');
    fetchMock.mockReset();
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('mark-succeeded needs a reason and a channel reference, prefilled from the last attempt', async () => {
    fetchMock.mockResolvedValue(answer(200, { order: explained.order, action: { id: 'x', kind: 'MARK_SUCCEEDED', status: 'DONE' } }));
    const onDone = vi.fn();
    render(<ActionDialog action="mark-succeeded" explained={explained} onDone={onDone} onClose={() => {}} />);
    const confirm = screen.getByRole('button', { name: 'Mark succeeded' });
    expect((screen.getByTestId('channel-reference') as HTMLInputElement).value).toBe('REF-7');
    expect(confirm).toHaveProperty('disabled', true);
    fireEvent.change(screen.getByRole('textbox', { name: /Reason/ }), { target: { value: 'seen on the supplier portal' } });
    fireEvent.change(screen.getByTestId('channel-reference'), { target: { value: '' } });
    expect(confirm).toHaveProperty('disabled', true);
    fireEvent.change(screen.getByTestId('channel-reference'), { target: { value: 'REF-8' } });
    expect(confirm).toHaveProperty('disabled', false);
    fireEvent.click(confirm);
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toMatch(/\/api\/orders\/T1\/actions\/mark-succeeded$/);
    const body = JSON.parse(init.body);
    expect(body).toMatchObject({ reason: 'seen on the supplier portal', channelReference: 'REF-8' });
    expect(typeof body.actionId).toBe('string');
  });

  it('shows the API refusal inside the dialog and keeps what was typed', async () => {
    fetchMock.mockResolvedValue(answer(409, { code: 'INVALID_STATE', message: 'refund does not apply to a SUCCEEDED order', details: { status: 'SUCCEEDED' } }));
    const onDone = vi.fn();
    render(<ActionDialog action="refund" explained={explained} onDone={onDone} onClose={() => {}} />);
    fireEvent.change(screen.getByRole('textbox', { name: /Reason/ }), { target: { value: 'customer asked' } });
    fireEvent.click(screen.getByRole('button', { name: 'Refund' }));
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', expect.stringContaining('refund does not apply to a SUCCEEDED order'));
    expect(onDone).not.toHaveBeenCalled();
    expect((screen.getByRole('textbox', { name: /Reason/ }) as HTMLTextAreaElement).value).toBe('customer asked');
  });

  it('offers only the resolutions the anomaly allows and sends the chosen one', async () => {
    const anomaly = { id: 5, kind: 'SUCCESS_AFTER_REFUND', orderId: 'T1', amountAtStake: 9850, resolutions: ['DISMISS', 'WRITE_OFF', 'RECHARGE_MERCHANT'] } as Anomaly;
    fetchMock.mockResolvedValue(answer(402, { code: 'INSUFFICIENT_BALANCE', message: 'The merchant cannot cover 98.50', details: {} }));
    render(<ResolveDialog anomaly={anomaly} onDone={() => {}} onClose={() => {}} />);
    expect(screen.getAllByRole('radio').map((r) => (r as HTMLInputElement).value)).toEqual(['DISMISS', 'WRITE_OFF', 'RECHARGE_MERCHANT']);
    fireEvent.change(screen.getByRole('textbox', { name: /Reason/ }), { target: { value: 'airtime arrived' } });
    const resolve = screen.getByRole('button', { name: 'Resolve' });
    expect(resolve).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByRole('radio', { name: /Charge the merchant/ }));
    fireEvent.click(resolve);
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', expect.stringContaining('The merchant cannot cover'));
    expect(JSON.parse(fetchMock.mock.calls[0][1].body)).toEqual({ resolution: 'RECHARGE_MERCHANT', reason: 'airtime arrived' });
    expect(fetchMock.mock.calls[0][0]).toMatch(/\/api\/anomalies\/5\/resolve$/);
  });

  it('a dismiss-only anomaly is preselected', () => {
    const anomaly = { id: 6, kind: 'STUCK_PROCESSING', orderId: 'T2', amountAtStake: 0, resolutions: ['DISMISS'] } as Anomaly;
    render(<ResolveDialog anomaly={anomaly} onDone={() => {}} onClose={() => {}} />);
    expect(screen.getByRole('radio')).toHaveProperty('checked', true);
  });
});
