/** Formatting shared by every page: money arrives in fen, times in UTC, carriers as codes. */

import i18next from 'i18next';

export const CARRIERS = ['CHINA_MOBILE', 'CHINA_UNICOM', 'CHINA_TELECOM', 'CHINA_BROADNET'];

/** A carrier's name in the console's language (locales: carrier.*); an unknown code as it is. */
export function carrierName(code: string | null | undefined): string {
  if (!code) return '—';
  return (i18next.isInitialized && i18next.t(`carrier.${code}`, { defaultValue: code })) || code;
}

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 9850 → "¥98.50"; integer arithmetic only, so no rounding ever shows up. */
export function yuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined || Number.isNaN(fen)) return '—';
  const negative = fen < 0;
  const abs = Math.abs(Math.trunc(fen));
  const whole = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  return `${negative ? '-' : ''}¥${group(String(whole))}.${cents}`;
}

/** "98.50" → 9850 fen; null when the text is not an amount of yuan with at most two decimals. */
export function parseYuan(text: string): number | null {
  const match = /^\s*(\d{1,12})(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** An ISO instant in the browser's time zone, in the console's language. */
export function dateTime(iso: string | null | undefined, language: string): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, {
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    hour12: false,
  }).format(date);
}

export function timeOfDay(iso: string | number, language: string): string {
  return new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));
}

/** Month, day and time of day, for axes that span days. */
export function dayAndTime(iso: string | number, language: string): string {
  return new Intl.DateTimeFormat(language, { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));
}

export function percent(rate: number | null | undefined, digits = 1): string {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return '—';
  return `${(rate * 100).toFixed(digits)}%`;
}

export function millis(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  return ms >= 10_000 ? `${(ms / 1000).toFixed(0)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

/** A latency as a chart axis label: ticks are round, so no trailing ".0" ("600 ms", "1.5 s", "3 s", "12 s"). */
export function millisTick(ms: number): string {
  return ms >= 1000 ? `${Number((ms / 1000).toFixed(1))} s` : `${Math.round(ms)} ms`;
}

/** A basis-point rate (9850) as a percentage ("98.50%"). */
export function basisPoints(bp: number | null | undefined): string {
  if (bp === null || bp === undefined) return '—';
  return `${(bp / 100).toFixed(2)}%`;
}

/** The local date-time of an <input type="datetime-local"> as an ISO instant (UTC). */
export function localInputToIso(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
