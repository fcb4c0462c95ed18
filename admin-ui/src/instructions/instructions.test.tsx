import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router-dom';
import i18n from '../shared/i18n';
import { segments, suggestedPrefix, validPrefix, type InstructionItem, type InstructionProblem, type Understood } from './api';
import InstructionsPage from './InstructionsPage';

vi.mock('../shared/auth', () => ({ accessToken: async () => 'token' }));

const item = (start: number, end: number): InstructionItem =>
  ({ phone: '138****8000', carrier: 'CHINA_MOBILE', province: '北京', faceValue: 10000, price: 9850, span: [start, end] });
const problem = (start: number, end: number, code = 'NO_AMOUNT'): InstructionProblem => ({ span: [start, end], code, message: 'm' });

describe('marking the instruction text', () => {
  it('cuts the text at every span and keeps the gaps unmarked', () => {
    const text = '给13800138000充100元，13900139000充7元';
    const at = text.indexOf('7元');
    const parts = segments(text, [item(1, 12)], [problem(at, at + 2, 'UNSUPPORTED_FACE_VALUE')]);
    expect(parts.map((p) => p.text).join('')).toBe(text);
    expect(parts.map((p) => [p.text, p.marks.map((m) => `${m.kind}${m.index}`).join()])).toEqual([
      ['给', ''], ['13800138000', 'item0'], ['充100元，13900139000充', ''], ['7元', 'problem0'],
    ]);
  });

  it('splits overlapping marks so each run knows every mark over it, and where each ends', () => {
    const text = 'a 13800138000 b';
    const parts = segments(text, [], [problem(0, 15, 'MODEL_UNAVAILABLE'), problem(2, 13, 'NO_AMOUNT')]);
    expect(parts.map((p) => p.text)).toEqual(['a ', '13800138000', ' b']);
    expect(parts[1].marks.map((m) => m.index)).toEqual([0, 1]);
    expect(parts[1].ends.map((m) => m.index)).toEqual([1]);
    expect(parts[2].ends.map((m) => m.index)).toEqual([0]);
  });

  it('counts in UTF-16 code units as the server does, and clamps spans outside the text', () => {
    const text = '😀给13800138000充100元';
    const parts = segments(text, [item(3, 14)], [problem(18, 99), problem(-5, 0)]);
    expect(parts.find((p) => p.marks.some((m) => m.kind === 'item'))?.text).toBe('13800138000');
    expect(parts.at(-1)?.text).toBe('元');
    expect(parts.map((p) => p.text).join('')).toBe(text);
  });
});

describe('merchant order id prefix', () => {
  it('accepts what the contract accepts', () => {
    expect(validPrefix('DESK-1_a', 3)).toBe(true);
    expect(validPrefix('with space', 1)).toBe(false);
    expect(validPrefix('', 1)).toBe(false);
    expect(validPrefix('x'.repeat(62), 9)).toBe(true);
    expect(validPrefix('x'.repeat(62), 10)).toBe(false);
  });

  it('suggests a fresh one', () => {
    const prefix = suggestedPrefix(new Date(2026, 0, 5, 14, 32), () => 0.5);
    expect(prefix).toBe('DESK-20260105-1432-8000');
    expect(validPrefix(prefix, 100)).toBe(true);
  });
});

function answer(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('the instruction box', () => {
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

  it('shows what was understood in place, then places the orders with the prefix and links them', async () => {
    const text = '给13800138000充100元，13900139000充7元';
    const understood: Understood = {
      items: [item(1, 12)], problems: [{ ...problem(text.indexOf('7元'), text.length, 'UNSUPPORTED_FACE_VALUE'), details: { faceValues: [1000, 10000] } }], totalPrice: 9850, balanceAfter: -150,
      confirmation: 'tok en', expiresAt: '2026-01-01T00:10:00Z', readBy: 'rules',
    };
    fetchMock.mockImplementation(async (url: string, init: RequestInit) => {
      if (url.endsWith('/api/merchants')) return answer(200, [{ code: 'shop-1', name: 'Shop', status: 'ACTIVE', balance: 9700 }, { code: 'off', name: 'Off', status: 'DISABLED', balance: 0 }]);
      if (url.endsWith('/api/merchants/shop-1/instructions')) return answer(200, understood);
      if (url.endsWith('/api/merchants/shop-1/instructions/tok%20en/confirm')) {
        return answer(201, { orders: [{ orderId: 'T9', merchantOrderId: `${JSON.parse(String(init.body)).merchantOrderIdPrefix}-1`, phone: '138****8000', carrier: 'CHINA_MOBILE', faceValue: 10000, price: 9850, status: 'PENDING' }] });
      }
      return answer(404, { code: 'NOPE', message: url });
    });
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <MemoryRouter><InstructionsPage /></MemoryRouter>
      </QueryClientProvider>,
    );
    const select = await screen.findByTestId('instruction-merchant');
    expect(within(select).queryByText(/^off/)).toBeNull();
    const understand = screen.getByRole('button', { name: 'Understand' });
    expect(understand).toHaveProperty('disabled', true);
    fireEvent.change(select, { target: { value: 'shop-1' } });
    fireEvent.change(screen.getByTestId('instruction-text'), { target: { value: text } });
    fireEvent.click(understand);

    const marked = await screen.findByTestId('marked-text');
    expect(marked.querySelector('mark.mark-item')?.textContent).toBe('13800138000');
    expect(marked.querySelector('mark.mark-problem')?.textContent).toBe('7元');
    expect(screen.getByTestId('instruction-problems').textContent).toContain('Amount not offered');
    expect(screen.getByTestId('instruction-problems').textContent).toContain('Offered for this carrier: ¥10.00 · ¥100.00');
    expect(screen.getByTestId('balance-after').className).toBe('error-text');
    expect(screen.getByText(/does not cover/)).toBeTruthy();
    const body = JSON.parse(String(fetchMock.mock.calls.find(([u]) => String(u).endsWith('/instructions'))![1].body));
    expect(body).toEqual({ text });

    fireEvent.change(screen.getByTestId('prefix'), { target: { value: 'bad prefix' } });
    const place = screen.getByRole('button', { name: /Place 1 order/ });
    expect(place).toHaveProperty('disabled', true);
    fireEvent.change(screen.getByTestId('prefix'), { target: { value: 'DESK-7' } });
    fireEvent.click(place);
    const placed = await screen.findByTestId('placed');
    expect(within(placed).getByRole('link', { name: 'T9' }).getAttribute('href')).toBe('/orders/T9');
    expect(placed.textContent).toContain('DESK-7-1');
    const confirmCall = fetchMock.mock.calls.find(([u]) => String(u).endsWith('/confirm'))!;
    expect(JSON.parse(String(confirmCall[1].body))).toEqual({ merchantOrderIdPrefix: 'DESK-7' });
  });

  it('asks to understand again once the text changes', async () => {
    fetchMock.mockImplementation(async (url: string) => url.endsWith('/api/merchants')
      ? answer(200, [{ code: 'shop-1', name: 'Shop', status: 'ACTIVE', balance: 9700 }])
      : answer(200, { items: [], problems: [problem(0, 5, 'NO_PHONE')], totalPrice: 0, balanceAfter: 9700, readBy: 'rules' }));
    render(
      <QueryClientProvider client={new QueryClient()}><MemoryRouter><InstructionsPage /></MemoryRouter></QueryClientProvider>,
    );
    fireEvent.change(await screen.findByTestId('instruction-merchant'), { target: { value: 'shop-1' } });
    fireEvent.change(screen.getByTestId('instruction-text'), { target: { value: '充100元' } });
    fireEvent.click(screen.getByRole('button', { name: 'Understand' }));
    expect((await screen.findByTestId('understood')).textContent).toContain('Nothing in this text can be placed');
    fireEvent.change(screen.getByTestId('instruction-text'), { target: { value: '充100元!' } });
    expect(screen.queryByTestId('understood')).toBeNull();
    expect(screen.getByText(/understand it again/)).toBeTruthy();
  });
});
