import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router-dom';
import type { ReactNode } from 'react';
import i18n from '../shared/i18n';
import type { CalibrationReport } from './api';
import { allWindows, bandLabel, formatGap, gapPoints, MIN_ATTEMPTS, shareAxis, verdict } from './calibration';
import { CalibrationPanel } from './CalibrationPanel';
import { CalibrationSummary } from './CalibrationSummary';

vi.mock('../shared/auth', () => ({ accessToken: async () => 'token' }));
// ECharts needs a canvas; the charts' options are not what these tests are about.
vi.mock('../shared/Chart', () => ({ Chart: ({ label }: { label: string }) => <div role="img" aria-label={label} /> }));

const figures = (attempts: number, predicted: number | null, observed: number | null) => ({ attempts, predicted, observed });

const report: CalibrationReport = {
  from: '2026-01-01T00:00:00.000123Z',
  to: '2026-01-02T00:00:00.000123Z',
  windowMinutes: 120,
  channels: [
    {
      channel: 'sim-fast',
      overall: figures(120, 0.96, 0.9),
      bands: [{ from: 0.9, to: 0.95, ...figures(20, 0.93, 0.95) }, { from: 0.98, to: 1, ...figures(100, 0.99, 0.88) }],
      windows: [{ from: '2026-01-01T02:00:00.000123Z', to: '2026-01-01T04:00:00.000123Z', ...figures(120, 0.96, 0.9) }],
      carriers: [{ carrier: 'CHINA_MOBILE', ...figures(115, 0.96, 0.9) }, { carrier: 'CHINA_UNICOM', ...figures(5, 0.9, 1) }],
    },
    { channel: 'sim-cheap', overall: figures(8, 0.8, 0.5), bands: [], windows: [], carriers: [] },
  ],
};

describe('calibration figures', () => {
  it('gives the gap in points, observed minus predicted, with a sign', () => {
    expect(gapPoints(figures(10, 0.95, 0.9))).toBeCloseTo(-5);
    expect(formatGap(gapPoints(figures(10, 0.95, 0.9)))).toBe('−5.0 pt');
    expect(formatGap(gapPoints(figures(10, 0.9, 0.912)))).toBe('+1.2 pt');
    expect(formatGap(gapPoints(figures(10, 0.9, 0.9)))).toBe('±0.0 pt');
    expect(formatGap(gapPoints(figures(0, null, null)))).toBe('—');
  });

  it('judges the model only on enough attempts, and allows for chance', () => {
    expect(verdict(figures(MIN_ATTEMPTS - 1, 0.95, 0.5))).toBe('tooFew');
    expect(verdict(figures(1000, 0.95, 0.94))).toBe('calibrated');
    expect(verdict(figures(1000, 0.95, 0.9))).toBe('optimistic');
    expect(verdict(figures(1000, 0.8, 0.9))).toBe('pessimistic');
    // 30 attempts at 90 %: chance alone moves the share by about ±11 points
    expect(verdict(figures(30, 0.9, 0.8))).toBe('calibrated');
  });

  it('names bands in whole percent', () => {
    expect(bandLabel(0, 0.5)).toBe('0–50%');
    expect(bandLabel(0.95, 0.98)).toBe('95–98%');
    expect(bandLabel(0.98, 1)).toBe('98–100%');
  });

  it('starts the share axis at a round tenth below the lowest value, with round ticks', () => {
    expect(shareAxis([0.865, 1, null])).toMatchObject({ min: 0.8, max: 1, interval: 0.02 });
    expect(shareAxis([0.9, 0.95])).toMatchObject({ min: 0.8, interval: 0.02 });
    expect(shareAxis([0.62])).toMatchObject({ min: 0.6, interval: 0.05 });
    expect(shareAxis([0.1])).toMatchObject({ min: 0, interval: 0.1 });
    expect(shareAxis([null])).toMatchObject({ min: 0, interval: 0.1 });
  });

  it('keeps every window of the period, empty ones without figures', () => {
    const windows = allWindows(report, report.channels[0]);
    expect(windows).toHaveLength(12);
    expect(windows[1]).toMatchObject({ attempts: 120, predicted: 0.96, observed: 0.9 });
    expect(windows[0]).toMatchObject({ attempts: 0, predicted: null, observed: null });
    expect(windows[11].from).toBe('2026-01-01T22:00:00.000Z');
  });
});

function answer(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function wrap(children: ReactNode) {
  return (
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <MemoryRouter>{children}</MemoryRouter>
    </QueryClientProvider>
  );
}

describe('calibration on the channel pages', () => {
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

  it('shows a channel\'s predicted and observed success overall, by band and by carrier', async () => {
    fetchMock.mockResolvedValue(answer(200, report));
    render(wrap(<CalibrationPanel code="sim-fast" />));
    const overall = await screen.findByTestId('calibration-overall');
    expect(overall.textContent).toContain('96.0%');
    expect(overall.textContent).toContain('90.0%');
    expect(overall.textContent).toContain('−6.0 pt');
    expect(overall.textContent).toContain('too hopeful');
    const bands = within(screen.getByTestId('calibration-bands')).getAllByRole('row').map((r) => r.textContent);
    expect(bands[1]).toContain('90–95%');
    expect(bands[2]).toMatch(/98–100%100.*99\.0%.*88\.0%.*−11\.0 pt/);
    const carriers = screen.getByTestId('calibration-carriers').textContent;
    expect(carriers).toContain('China Unicom');
    expect(carriers).toContain('too few attempts');
    expect(screen.getByRole('img', { name: 'Over time (every 2 h)' })).toBeTruthy();
    expect(fetchMock.mock.calls[0][0]).toMatch(/\/api\/channels\/calibration\?hours=24&channel=sim-fast$/);
  });

  it('asks again for the period a person picks', async () => {
    fetchMock.mockResolvedValue(answer(200, report));
    render(wrap(<CalibrationPanel code="sim-fast" />));
    await screen.findByTestId('calibration-overall');
    fireEvent.click(screen.getByRole('button', { name: 'Last hour' }));
    await waitFor(() => expect(fetchMock.mock.calls.at(-1)?.[0]).toMatch(/hours=1&channel=sim-fast$/));
    expect(screen.getByRole('button', { name: 'Last hour' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('says when there are no predictions yet, and when there are too few to judge', async () => {
    fetchMock.mockResolvedValue(answer(200, { ...report, channels: [] }));
    render(wrap(<CalibrationPanel code="sim-fast" />));
    expect(await screen.findByText('No finished attempt with a prediction in the period (Last 24 hours).')).toBeTruthy();
    cleanup();
    fetchMock.mockResolvedValue(answer(200, report));
    render(wrap(<CalibrationPanel code="sim-cheap" />));
    expect(await screen.findByText(`Only 8 attempts (fewer than ${MIN_ATTEMPTS}): too few to judge the predictions yet.`)).toBeTruthy();
  });

  it('shows a refusal with a retry, as other pages do', async () => {
    fetchMock.mockResolvedValue(answer(403, { code: 'FORBIDDEN', message: 'no', details: {} }));
    render(wrap(<CalibrationPanel code="sim-fast" />));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Your role does not allow this.');
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeTruthy();
  });

  it('lists every channel with figures on the channels page, in Chinese too', async () => {
    await i18n.changeLanguage('zh-CN');
    fetchMock.mockResolvedValue(answer(200, report));
    render(wrap(<CalibrationSummary />));
    const link = await screen.findByRole('link', { name: 'sim-cheap' });
    expect(link.getAttribute('href')).toBe('/channels/sim-cheap');
    expect(link.closest('tr')?.textContent).toContain('笔数太少');
    expect(screen.getByRole('link', { name: 'sim-fast' }).closest('tr')?.textContent).toContain('预测偏高');
    expect(screen.getByText('预测与实际成功率')).toBeTruthy();
    expect(fetchMock.mock.calls[0][0]).toMatch(/\/api\/channels\/calibration\?hours=24$/);
  });
});
