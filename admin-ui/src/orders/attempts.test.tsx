import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import i18n from '../shared/i18n';
import type { Attempt } from './api';
import { AttemptsTable } from './AttemptsTable';

const attempt = (over: Partial<Attempt>): Attempt => ({
  attemptId: 'A1', attemptNo: 1, channel: 'sim-fast', status: 'FAILED', channelReference: null, errorClass: 'REJECTED',
  errorCode: null, cost: 9700, ruleVersion: 2, firedRules: ['Prefer channels above 85 %'], fallbackAction: 'NEXT_CHANNEL',
  fallbackRuleVersion: 1, fallbackFiredRules: [], probe: false, queries: 0, startedAt: '2026-01-01T00:00:00Z',
  finishedAt: '2026-01-01T00:00:01Z', latencyMillis: 120, predictedSuccess: 0.9712, bestAlternative: 'sim-cheap',
  bestAlternativePredicted: 0.93, ...over,
});

describe('attempts with their predictions', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('en');
  });
  afterEach(cleanup);

  it('shows the predicted success of the channel and of the best other one next to the outcome', () => {
    render(<AttemptsTable attempts={[
      attempt({}),
      attempt({ attemptId: 'A2', attemptNo: 2, channel: 'sim-cheap', status: 'SUCCEEDED', errorClass: null, fallbackAction: null,
        predictedSuccess: 0.93, bestAlternative: null, bestAlternativePredicted: null }),
    ]} />);
    const table = screen.getByTestId('attempts');
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers.indexOf('Outcome')).toBe(headers.indexOf('Predicted success') + 1);
    const [first, second] = within(table).getAllByTestId('attempt-prediction');
    expect(first.textContent).toBe('97.1%best other: sim-cheap 93.0%');
    expect(second.textContent).toBe('93.0%no other candidate');
    const firstRow = first.closest('tr')!;
    expect(within(firstRow).getByText('Failed')).toBeTruthy();
  });

  it('shows a dash for attempts routed before predictions were recorded', () => {
    render(<AttemptsTable attempts={[attempt({ predictedSuccess: null, bestAlternative: null, bestAlternativePredicted: null })]} />);
    expect(screen.queryByTestId('attempt-prediction')).toBeNull();
    expect(screen.getByTitle('Routed before success predictions were recorded').textContent).toBe('—');
  });

  it('says it in Chinese', async () => {
    await i18n.changeLanguage('zh-CN');
    render(<AttemptsTable attempts={[attempt({})]} />);
    expect(screen.getByTestId('attempt-prediction').textContent).toBe('97.1%其他最佳：sim-cheap 93.0%');
    expect(screen.getByRole('columnheader', { name: '实际结果' })).toBeTruthy();
  });
});
