import { api, post } from '../shared/api';

/** A [start, end) stretch of the instruction's text in UTF-16 code units, as the server counts. */
export type Span = [number, number];

export interface InstructionItem { phone: string; carrier: string; province: string | null; faceValue: number; price: number; span: Span }
export interface InstructionProblem { span: Span; code: string; message: string; details?: Record<string, unknown> }
export interface Understood {
  items: InstructionItem[];
  problems: InstructionProblem[];
  totalPrice: number;
  balanceAfter: number;
  confirmation?: string;
  expiresAt?: string;
  readBy?: 'rules' | 'model';
}
export interface PlacedOrder { orderId: string; merchantOrderId: string; phone: string; carrier: string; faceValue: number; price: number; status: string }
export interface MerchantSummary { code: string; name: string; status: string; balance: number }

export const listMerchants = () => api<MerchantSummary[]>('/merchants');

export const understand = (merchant: string, text: string) =>
  post<Understood>(`/merchants/${encodeURIComponent(merchant)}/instructions`, { text });

export const confirm = (merchant: string, confirmation: string, merchantOrderIdPrefix: string) =>
  post<{ orders: PlacedOrder[] }>(
    `/merchants/${encodeURIComponent(merchant)}/instructions/${encodeURIComponent(confirmation)}/confirm`,
    { merchantOrderIdPrefix },
  );

/** CONTRACT §1: 1–62 characters of [A-Za-z0-9_-], so that PREFIX-N still fits a 64-character merchant order id. */
export function validPrefix(prefix: string, items: number): boolean {
  return /^[A-Za-z0-9_-]+$/.test(prefix) && prefix.length + 1 + String(Math.max(items, 1)).length <= 64;
}

/** A prefix nobody typed before: the desk and the minute, e.g. DESK-20260105-1432-7f3a. */
export function suggestedPrefix(now: Date, random: () => number = Math.random): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}`;
  const tail = Math.floor(random() * 0x10000).toString(16).padStart(4, '0');
  return `DESK-${stamp}-${tail}`;
}

/** One mark on the text: an understood item (number n) or a problem (number n). */
export interface Mark { kind: 'item' | 'problem'; index: number; span: Span }

/** A run of the text with the marks that cover all of it; {@code ends} are the marks that end with this run. */
export interface Segment { text: string; start: number; marks: Mark[]; ends: Mark[] }

/**
 * Cuts the text at every mark's start and end so each run is covered by the same marks throughout; marks may
 * overlap (a problem over a whole group, a model problem over the whole text). Spans outside the text are clamped.
 */
export function segments(text: string, items: InstructionItem[], problems: InstructionProblem[]): Segment[] {
  const clamp = (n: number) => Math.max(0, Math.min(text.length, Math.trunc(n)));
  const marks: Mark[] = [
    ...items.map((item, index) => ({ kind: 'item' as const, index, span: [clamp(item.span[0]), clamp(item.span[1])] as Span })),
    ...problems.map((problem, index) => ({ kind: 'problem' as const, index, span: [clamp(problem.span[0]), clamp(problem.span[1])] as Span })),
  ].filter((m) => m.span[1] > m.span[0]);
  const cuts = [...new Set([0, text.length, ...marks.flatMap((m) => m.span)])].sort((a, b) => a - b);
  const result: Segment[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [start, end] = [cuts[i], cuts[i + 1]];
    const covering = marks.filter((m) => m.span[0] <= start && m.span[1] >= end);
    result.push({ text: text.slice(start, end), start, marks: covering, ends: covering.filter((m) => m.span[1] === end) });
  }
  return result;
}
