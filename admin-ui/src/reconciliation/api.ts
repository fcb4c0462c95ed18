import { api, post } from '../shared/api';

/** One channel's statement of one UTC day matched against the platform (repair/reconciliation/ReconciliationRun). */
export interface ReconciliationRun {
  id: number; channel: string; date: string; status: string; startedBy: string; startedAt: string; finishedAt: string | null;
  statementLines: number; matched: number; differences: number; statementTotal: number; ourTotal: number; error: string | null;
}

export interface DifferenceView {
  kind: string; reference: string; orderId: string | null; channelReference: string | null; statementAmount: number | null;
  ourAmount: number | null; statementStatus: string | null; ourStatus: string | null; anomalyId: number | null; anomalyStatus: string | null;
}

export interface ClaimView {
  id: number; anomalyId: number; orderId: string; reference: string; channelReference: string | null; amount: number;
  status: string; createdAt: string;
}

export interface ReconciliationReport {
  run: ReconciliationRun;
  differences: DifferenceView[];
  openClaims: ClaimView[];
}

/** Yesterday in UTC (yyyy-mm-dd): the day the nightly run reconciles, and the default here. */
export function yesterdayUtc(now: Date = new Date()): string {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - 1));
  return day.toISOString().slice(0, 10);
}

/** Statement total minus ours (fen): positive when the supplier charges more than the platform recorded. */
export function gap(run: Pick<ReconciliationRun, 'statementTotal' | 'ourTotal'>): number {
  return run.statementTotal - run.ourTotal;
}

export const reconciliationApi = {
  recent: (channel?: string) => api<ReconciliationRun[]>('/reconciliation', { query: { channel } }),
  report: (channel: string, date: string) => api<ReconciliationReport>('/reconciliation', { query: { channel, date } }),
  run: (channel: string, date: string) => post<ReconciliationReport>('/reconciliation/runs', { channel, date }),
};
