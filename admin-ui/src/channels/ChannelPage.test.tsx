import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import i18n from '../shared/i18n';
import type { ChannelOverTime, Figures } from './api';
import ChannelPage from './ChannelPage';
import ChannelsPage from './ChannelsPage';

vi.mock('../shared/auth', () => ({ accessToken: async () => 'token' }));
// ECharts needs a canvas; what the charts draw is tested on their options (charts.test.ts).
vi.mock('../shared/Chart', () => ({ Chart: ({ label }: { label: string }) => <div role="img" aria-label={label} /> }));

const figures = (finished: number, succeeded: number, successRate: number, inFlight = 0): Figures => ({
  finished, succeeded, successRate, latencyP50Millis: finished ? 881 : 1000, latencyP95Millis: finished ? 1600 : 1000, inFlight,
});

// sim-cheap's hour in the browser tests: 21 attempts finished in one minute, 10 of them succeeded; routing's smoothed
// estimate is (10 + 0.95 × 5) / (21 + 5) = 56.7 %.
const overTime = (minutes: ChannelOverTime['minutes']): ChannelOverTime => ({
  now: {
    channel: {
      code: 'sim-cheap', name: 'Low-cost supplier (simulated)', protocol: 'json-hmac', baseUrl: '', carriers: ['CHINA_MOBILE'], provinces: [],
      faceValues: [], costRateBp: 9480, capacity: 100, dailyQuota: null, timeoutMs: 5000, expectedCompletionMs: 1000, enabled: true, version: 1, updatedAt: '',
    },
    circuitState: 'CLOSED',
    circuitSince: null,
    figures: { ...figures(21, 10, 0.567), usedToday: 100000, dailyQuota: null,
      byCarrier: { CHINA_MOBILE: figures(21, 10, 0.567), CHINA_UNICOM: figures(0, 0, 0.95, 2) } },
    figuresAt: '2026-01-01T11:03:20Z',
  },
  from: '2026-01-01T10:03:20Z',
  to: '2026-01-01T11:03:20Z',
  minutes,
  circuitChanges: [{ at: '2026-01-01T10:30:00Z', from: 'CLOSED', to: 'OPEN', reason: 'success rate below 50 %', actor: 'system' }],
});
const busyMinute = { minute: '2026-01-01T11:01:00Z', carrier: 'CHINA_MOBILE', finished: 21, succeeded: 10, successRate: 10 / 21, latencyP50Millis: 881, latencyP95Millis: 1600 };

function answer(body: unknown) {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
}

function show(over: ChannelOverTime) {
  vi.stubGlobal('fetch', vi.fn(async (url: string) => answer(String(url).includes('/calibration')
    ? { from: over.from, to: over.to, windowMinutes: 120, channels: [] } : over)));
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <MemoryRouter initialEntries={['/channels/sim-cheap']}><Routes><Route path="/channels/:code" element={<ChannelPage />} /></Routes></MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('the channel page', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('en');
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('gives the measured success rate of the window, with routing’s estimate beside it', async () => {
    show(overTime([busyMinute]));
    const card = (await screen.findByText('Success rate (last 5 min)')).closest('.card') as HTMLElement;
    expect(card.textContent).toBe('Success rate (last 5 min)47.6% · 21 finishedrouting estimates 56.7%');
    expect(screen.getByText('p50 / p95 (last 5 min)').closest('.card')?.textContent).toContain('881 ms / 1.6 s');
  });

  it('shows no rate or latency for a carrier with nothing finished, only what is in flight', async () => {
    show(overTime([busyMinute]));
    const rows = within((await screen.findAllByRole('table'))[0]).getAllByRole('row').map((r) => [...r.children].map((c) => c.textContent));
    expect(rows[0]).toEqual(['Carrier', 'Success rate', 'p50', 'p95', 'In flight', 'Finished']);
    expect(rows[1]).toEqual(['China Mobile', '47.6%', '881 ms', '1.6 s', '0', '21']);
    expect(rows[2]).toEqual(['China Unicom', '—', '—', '—', '2', '0']);
  });

  it('names the circuit states so that closed reads as healthy, in both languages', async () => {
    show(overTime([busyMinute]));
    expect((await screen.findAllByText('Closed (healthy)')).length).toBe(2);
    expect(screen.getByText('Open (no orders)')).toBeTruthy();
    cleanup();
    await i18n.changeLanguage('zh-CN');
    show(overTime([busyMinute]));
    expect((await screen.findAllByText('正常')).length).toBe(2);
    expect(screen.getByText('已熔断（停止发单）')).toBeTruthy();
  });

  it('draws the two per-minute charts when attempts finished in the hour, and says so when none did', async () => {
    show(overTime([busyMinute]));
    expect(await screen.findByRole('img', { name: 'Success rate per minute' })).toBeTruthy();
    expect(screen.getByRole('img', { name: 'p95 latency per minute' })).toBeTruthy();
    cleanup();
    show(overTime([]));
    expect(await screen.findByText('No attempt finished in the last hour, so there is nothing to chart.')).toBeTruthy();
    expect(screen.queryByRole('img', { name: 'Success rate per minute' })).toBeNull();
  });

  it('shows a dash, not routing’s starting assumptions, when nothing finished in the window', async () => {
    const quiet = overTime([]);
    quiet.now.figures = { ...figures(0, 0, 0.95), usedToday: 0, dailyQuota: null, byCarrier: {} };
    show(quiet);
    const card = (await screen.findByText('Success rate (last 5 min)')).closest('.card') as HTMLElement;
    expect(card.textContent).toBe('Success rate (last 5 min)— · 0 finishedrouting estimates 95.0%');
    expect(screen.getByText('p50 / p95 (last 5 min)').closest('.card')?.textContent).toContain('—');
    expect(screen.getByText('No orders in the last 5 minutes.')).toBeTruthy();
  });
});

describe('the channels page', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('gives each channel the measured rate beside routing’s estimate, and no latency where nothing finished', async () => {
    await i18n.changeLanguage('en');
    const busy = overTime([]).now;
    const quiet = { ...busy, channel: { ...busy.channel, code: 'sim-flaky' }, figures: { ...figures(0, 0, 0.95), usedToday: 0, dailyQuota: null, byCarrier: {} } };
    vi.stubGlobal('fetch', vi.fn(async (url: string) => answer(String(url).includes('/calibration')
      ? { from: '', to: '', windowMinutes: 120, channels: [] } : [busy, quiet])));
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <MemoryRouter><ChannelsPage /></MemoryRouter>
      </QueryClientProvider>,
    );
    const cells = (code: string) => [...(screen.getByRole('link', { name: code }).closest('tr')?.children ?? [])].map((c) => c.textContent);
    await screen.findByRole('link', { name: 'sim-cheap' });
    expect(cells('sim-cheap').slice(2, 5)).toEqual(['Closed (healthy)', '47.6%21 finished · routing estimates 56.7%', '881 ms / 1.6 s']);
    expect(cells('sim-flaky').slice(3, 5)).toEqual(['—0 finished · routing estimates 95.0%', '—']);
    expect(screen.getByRole('columnheader', { name: 'Success rate (last 5 min)' })).toBeTruthy();
  });
});
