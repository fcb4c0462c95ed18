import { api, put } from '../shared/api';

export interface ChannelView {
  code: string; name: string; protocol: string; baseUrl: string; carriers: string[]; provinces: string[];
  faceValues: number[]; costRateBp: number; capacity: number; dailyQuota: number | null; timeoutMs: number;
  expectedCompletionMs: number; enabled: boolean; version: number; updatedAt: string;
}

export interface Figures {
  finished: number; succeeded: number; successRate: number; latencyP50Millis: number; latencyP95Millis: number;
  inFlight: number; carrier?: string;
}

export interface ChannelNow {
  channel: ChannelView;
  circuitState: string;
  circuitSince: string | null;
  figures: Figures & { usedToday: number; dailyQuota: number | null; byCarrier: Record<string, Figures> };
  figuresAt: string;
}

export interface ChannelOverTime {
  now: ChannelNow;
  from: string;
  to: string;
  minutes: { minute: string; carrier: string; finished: number; succeeded: number; successRate: number | null; latencyP50Millis: number | null; latencyP95Millis: number | null }[];
  circuitChanges: { at: string; from: string; to: string; reason: string; actor: string }[];
}

/** Attempts, their mean predicted success and the share that succeeded (CalibrationReport.Figures). */
export interface CalibrationFigures { attempts: number; predicted: number | null; observed: number | null }

export interface ChannelCalibration {
  channel: string;
  overall: CalibrationFigures;
  bands: (CalibrationFigures & { from: number; to: number })[];
  windows: (CalibrationFigures & { from: string; to: string })[];
  carriers: (CalibrationFigures & { carrier: string })[];
}

/** Predicted against observed success of the attempts finished in [from, to), per channel with such attempts. */
export interface CalibrationReport { from: string; to: string; windowMinutes: number; channels: ChannelCalibration[] }

export const channelsApi = {
  all: () => api<ChannelNow[]>('/channels/health'),
  one: (code: string) => api<ChannelOverTime>(`/channels/${code}/health`, { query: { minutes: 60 } }),
  calibration: (hours: number, channel?: string) => api<CalibrationReport>('/channels/calibration', { query: { hours, channel } }),
  save: (code: string, update: Partial<Omit<ChannelView, 'code' | 'version' | 'updatedAt'>>) => put<ChannelView>(`/channels/${code}`, update),
};

/**
 * What was measured in the figures' window: the share of finished attempts that succeeded and their latencies, null
 * without a finished attempt. The figures' own success rate is routing's estimate, smoothed towards a prior.
 */
export function measured(figures: Figures) {
  const any = figures.finished > 0;
  return {
    successRate: any ? figures.succeeded / figures.finished : null,
    latencyP50Millis: any ? figures.latencyP50Millis : null,
    latencyP95Millis: any ? figures.latencyP95Millis : null,
  };
}

/** Per-minute series of one carrier over the window's minutes (null where it had no finished attempt). */
export function seriesOf(over: ChannelOverTime, carrier: string, field: 'successRate' | 'latencyP95Millis', minutes: string[]) {
  const byMinute = new Map(over.minutes.filter((m) => m.carrier === carrier).map((m) => [m.minute, m[field]]));
  return minutes.map((m) => byMinute.get(m) ?? null);
}

/** Every minute of [from, to] as ISO strings at the start of the minute (UTC). */
export function minutesOf(from: string, to: string): string[] {
  const out: string[] = [];
  const start = Math.floor(new Date(from).getTime() / 60_000) * 60_000;
  for (let t = start; t <= new Date(to).getTime(); t += 60_000) out.push(new Date(t).toISOString().replace('.000Z', 'Z'));
  return out;
}
