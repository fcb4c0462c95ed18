import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import type { ReactNode } from 'react';
import i18n from '../shared/i18n';
import type { StaffRole } from '../shared/auth';
import { UserContext } from '../shared/UserContext';
import type { CalibrationReport, ChannelNow, ChannelOverTime } from './api';
import ChannelPage from './ChannelPage';
import ChannelsPage from './ChannelsPage';

vi.mock('../shared/auth', () => ({ accessToken: async () => 'token' }));
vi.mock('../shared/Chart', () => ({ Chart: ({ label }: { label: string }) => <div role="img" aria-label={label} /> }));

const figures = { finished: 40, succeeded: 38, successRate: 0.95, latencyP50Millis: 120, latencyP95Millis: 300, inFlight: 2 };

const now: ChannelNow = {
  channel: {
    code: 'sim-fast', name: 'Fast simulator', protocol: 'SIM', baseUrl: 'http://localhost', carriers: ['CHINA_MOBILE'],
    provinces: [], faceValues: [], costRateBp: 150, capacity: 50, dailyQuota: null, timeoutMs: 3000,
    expectedCompletionMs: 500, enabled: true, version: 1, updatedAt: '2026-01-01T00:00:00Z',
  },
  circuitState: 'CLOSED',
  circuitSince: null,
  figures: { ...figures, usedToday: 10_000, dailyQuota: null, byCarrier: { CHINA_MOBILE: figures } },
  figuresAt: '2026-01-01T00:00:00Z',
};

const overTime: ChannelOverTime = {
  now, from: '2026-01-01T00:00:00Z', to: '2026-01-01T00:02:00Z',
  minutes: [{ minute: '2026-01-01T00:01:00Z', carrier: 'CHINA_MOBILE', finished: 4, succeeded: 4, successRate: 1, latencyP50Millis: 100, latencyP95Millis: 200 }],
  circuitChanges: [],
};

const calibration: CalibrationReport = {
  from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z', windowMinutes: 120,
  channels: [{
    channel: 'sim-fast', overall: { attempts: 40, predicted: 0.96, observed: 0.95 },
    bands: [{ from: 0.95, to: 0.98, attempts: 40, predicted: 0.96, observed: 0.95 }], windows: [],
    carriers: [{ carrier: 'CHINA_MOBILE', attempts: 40, predicted: 0.96, observed: 0.95 }],
  }],
};

function answer(body: unknown) {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
}

function asUser(roles: StaffRole[], path: string, page: ReactNode) {
  return (
    <UserContext.Provider value={{ username: 'someone', name: 'Someone', roles }}>
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <MemoryRouter initialEntries={[path]}>
          <Routes><Route path="/channels" element={page} /><Route path="/channels/:code" element={page} /></Routes>
        </MemoryRouter>
      </QueryClientProvider>
    </UserContext.Provider>
  );
}

const PERIOD_BUTTONS = ['Last hour', 'Last 6 hours', 'Last 24 hours', 'Last 7 days'];

/** Every button on the page by its name, the period pickers' (which only read) left out. */
function actionButtons(): string[] {
  return screen.getAllByRole('button').map((b) => b.textContent ?? '').filter((name) => !PERIOD_BUTTONS.includes(name));
}

describe('the channel pages by role', () => {
  const fetchMock = vi.fn();
  beforeEach(async () => {
    await i18n.changeLanguage('en');
    fetchMock.mockReset();
    fetchMock.mockImplementation(async (url: string) => {
      if (url.includes('/channels/calibration')) return answer(calibration);
      if (url.includes('/channels/sim-fast/health')) return answer(overTime);
      if (url.includes('/channels/health')) return answer([now]);
      return new Response(JSON.stringify({ code: 'NOT_FOUND', message: url, details: {} }), { status: 404 });
    });
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  const asked = () => fetchMock.mock.calls.map(([url]) => String(url).replace(/\?.*$/, '').replace(/^.*\/api/, ''));

  it('shows an auditor a channel with its calibration and no way to change it', async () => {
    render(asUser(['auditor'], '/channels/sim-fast', <ChannelPage />));
    expect(await screen.findByTestId('calibration-overall')).toBeTruthy();
    expect(screen.getByText('sim-fast · Fast simulator')).toBeTruthy();
    expect(actionButtons()).toEqual([]);
    expect([...new Set(asked())].sort()).toEqual(['/channels/calibration', '/channels/sim-fast/health']);
  });

  it('shows an auditor every channel with no enable or disable', async () => {
    render(asUser(['auditor'], '/channels', <ChannelsPage />));
    expect(await screen.findByRole('link', { name: 'sim-fast' }, { timeout: 2000 })).toBeTruthy();
    await screen.findByText('Fast simulator');
    expect(actionButtons()).toEqual([]);
    expect([...new Set(asked())].sort()).toEqual(['/channels/calibration', '/channels/health']);
  });

  it('gives an admin the terms and the switch on the same pages', async () => {
    render(asUser(['admin'], '/channels/sim-fast', <ChannelPage />));
    await screen.findByTestId('calibration-overall');
    expect(actionButtons()).toEqual(['Edit terms']);
    cleanup();
    render(asUser(['admin'], '/channels', <ChannelsPage />));
    await screen.findByText('Fast simulator');
    expect(actionButtons()).toEqual(['Disable']);
  });

  it('gives an operator the pages to read, as an auditor', async () => {
    render(asUser(['operator'], '/channels/sim-fast', <ChannelPage />));
    await screen.findByTestId('calibration-overall');
    expect(actionButtons()).toEqual([]);
  });
});
