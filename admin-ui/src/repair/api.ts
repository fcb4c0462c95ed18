import { api, post } from '../shared/api';

export const ANOMALY_KINDS = ['STUCK_PROCESSING', 'DUPLICATE_SUCCESS', 'AMOUNT_MISMATCH', 'DUPLICATE_SUBMISSION',
  'SUCCESS_AFTER_REFUND', 'SUPPLIER_CHARGED_NOT_RECORDED', 'SUPPLIER_MISSING_SUCCESS', 'STATEMENT_AMOUNT_DIFFERENCE'] as const;

export type Resolution = 'RECHARGE_MERCHANT' | 'WRITE_OFF' | 'DISMISS';

/** An anomaly as operators see it (repair/AnomalyView). */
export interface Anomaly {
  id: number; kind: string; orderId: string; orderStatus: string | null; merchant: string | null; status: 'OPEN' | 'RESOLVED' | string;
  action: string | null; reason: string | null; ruleVersion: number | null; firedRules: string[] | null; outcome: string | null;
  channel: string | null; reference: string | null; channelReference: string | null; amountAtStake: number;
  details: unknown; createdAt: string; resolvedAt: string | null; resolution: string | null; resolvedBy: string | null;
  resolutionReason: string | null; resolutions: Resolution[] | null;
}

export interface AnomalyPage {
  items: Anomaly[];
  counts: Record<string, number>;
  amountAtStake: Record<string, number>;
  nextCursor: string | null;
}

export interface RepairStep {
  id: number; anomalyId: number; orderId: string; at: string; actor: string; action: string;
  ruleVersion: number | null; firedRules: string[] | null; summary: string;
}

export interface AnomalyDetail {
  anomaly: Anomaly;
  steps: RepairStep[];
}

/** The queue's kinds in a stable order: those with open anomalies first (most first), then the others. */
export function kindsByCount(counts: Record<string, number>): { kind: string; open: number }[] {
  const known = [...ANOMALY_KINDS, ...Object.keys(counts).filter((k) => !(ANOMALY_KINDS as readonly string[]).includes(k))];
  return known
    .map((kind) => ({ kind, open: counts[kind] ?? 0 }))
    .sort((a, b) => b.open - a.open || known.indexOf(a.kind) - known.indexOf(b.kind));
}

/** The money at stake over every kind (fen). */
export function totalAtStake(amounts: Record<string, number>): number {
  return Object.values(amounts).reduce((sum, n) => sum + n, 0);
}

export const repairApi = {
  list: (query: { status?: string; kind?: string; cursor?: string }) => api<AnomalyPage>('/anomalies', { query: { ...query, limit: 50 } }),
  one: (id: number) => api<AnomalyDetail>(`/anomalies/${id}`),
  resolve: (id: number, resolution: Resolution, reason: string) => post<Anomaly>(`/anomalies/${id}/resolve`, { resolution, reason }),
};
