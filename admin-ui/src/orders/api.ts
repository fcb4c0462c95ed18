import { api, post } from '../shared/api';

export interface Order {
  orderId: string; merchantOrderId: string; phone: string; carrier: string; province: string | null; country: string;
  faceValue: number; price: number; status: string; createdAt: string; updatedAt: string; finishedAt: string | null;
  failureCode: string | null; merchant?: string; channel?: string | null;
}

export interface Attempt {
  attemptId: string; attemptNo: number; channel: string; status: string; channelReference: string | null;
  errorClass: string | null; errorCode: string | null; cost: number; ruleVersion: number | null; firedRules: string[];
  fallbackAction: string | null; startedAt: string; finishedAt: string | null; latencyMs: number | null;
}

export interface TimelineEntry {
  at: string; kind: string; actor: string | null; summary: string; details?: Record<string, unknown> | null;
}

export interface StaffOrder {
  order: Order;
  attempts: Attempt[];
  timeline?: TimelineEntry[];
}

export interface OperatorAction {
  id: string; kind: string; status: 'DONE' | 'AWAITING_SECOND_OPERATOR' | string; orderId?: string;
  requestedBy?: string; reason?: string; amount?: number; createdAt?: string;
}

export const ACTIONS = ['retry', 'refund', 'mark-succeeded', 'resend-notify'] as const;
export type ActionKind = (typeof ACTIONS)[number];

/** Which operator actions make sense for an order in this state (the server decides in the end). */
export function actionsFor(status: string): ActionKind[] {
  switch (status) {
    case 'REVIEW':
      return ['retry', 'refund', 'mark-succeeded'];
    case 'PROCESSING':
      return ['refund', 'mark-succeeded'];
    case 'FAILED':
      return ['mark-succeeded', 'resend-notify'];
    case 'SUCCEEDED':
      return ['refund', 'resend-notify'];
    default:
      return [];
  }
}

export const ordersApi = {
  search: (query: Record<string, string | undefined>) => api<{ items: Order[]; nextCursor: string | null }>('/orders', { query }),
  one: (orderId: string) => api<StaffOrder>(`/orders/${encodeURIComponent(orderId)}`),
  act: (orderId: string, action: ActionKind, body: { reason: string; actionId: string; channelReference?: string }) =>
    post<{ order: Order; action: OperatorAction }>(`/orders/${encodeURIComponent(orderId)}/actions/${action}`, body),
  awaiting: () => api<OperatorAction[] | { items: OperatorAction[] }>('/actions', { query: { status: 'AWAITING_SECOND_OPERATOR' } }),
  confirm: (actionId: string) => post<{ action: OperatorAction }>(`/actions/${encodeURIComponent(actionId)}/confirm`),
};

/** A new id per request, so a repeated click or a retried call is one action (the API answers it once). */
export function newActionId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `a-${Date.now()}-${Math.random()}`;
}
