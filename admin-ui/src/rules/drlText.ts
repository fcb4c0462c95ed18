/** Plain-text helpers for DRL (no editor types), shared by the editor and its tests. */
import type { DrlError } from './api';

export interface Range {
  from: number;
  to: number;
}

/** Offset of a 1-based line and column in the text; line 0 (position unknown) is the start of the text. */
export function offsetOf(text: string, line: number, column: number): number {
  if (line <= 0) return 0;
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  const lineEnd = text.indexOf('\n', offset) < 0 ? text.length : text.indexOf('\n', offset);
  return Math.min(offset + Math.max(0, column - 1), lineEnd);
}

/**
 * Where to underline an error: the word at its line and column (or the next character), the whole line when the
 * column is unknown, the first line when nothing is known.
 */
export function errorRange(text: string, error: Pick<DrlError, 'line' | 'column'>): Range {
  const lineStart = offsetOf(text, error.line, 1);
  const lineEndIndex = text.indexOf('\n', lineStart);
  const lineEnd = lineEndIndex < 0 ? text.length : lineEndIndex;
  if (error.line <= 0 || error.column <= 0) {
    return { from: lineStart, to: Math.max(lineEnd, Math.min(lineStart + 1, text.length)) };
  }
  const from = offsetOf(text, error.line, error.column);
  let to = from;
  while (to < lineEnd && /[\w$]/.test(text[to])) to++;
  if (to === from) to = Math.min(from + 1, Math.max(lineEnd, from));
  return { from, to: Math.max(to, from) };
}

/**
 * The error with a column when the compiler gave none (Drools reports expression errors at column 0): the name it
 * could not resolve ("...OrderFact.provnce()"), found on the error's line. Column 0 stays when nothing fits.
 */
export function locate(text: string, error: DrlError): DrlError {
  if (error.line <= 0 || error.column > 0) return error;
  const name = /unable to resolve method using strict-mode: [\w.$]+\.(\w+)\(\)/i.exec(error.message)?.[1]
    ?? /Unable to resolve ObjectType '(\w+)'/.exec(error.message)?.[1]
    ?? /\[Error: unable to resolve method[^\]]*?\.(\w+)\(/.exec(error.message)?.[1];
  if (!name) return error;
  const lines = text.split('\n');
  const line = lines[error.line - 1] ?? '';
  const at = new RegExp(`(^|[^\\w$])${name.replace(/\$/g, '\\$')}(?![\\w$])`).exec(line);
  if (!at) return error;
  return { ...error, column: at.index + at[1].length + 1 };
}

export interface RuleHeader {
  name: string;
  line: number;
}

/** The rules declared in a DRL text, in order, with their lines (for the outline and the fired-rule links). */
export function ruleHeaders(text: string): RuleHeader[] {
  const headers: RuleHeader[] = [];
  const pattern = /^\s*rule\s+(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|(\S+))/;
  text.split('\n').forEach((line, index) => {
    const match = pattern.exec(line);
    if (match) headers.push({ name: match[1] ?? match[2] ?? match[3], line: index + 1 });
  });
  return headers;
}

/** Line-by-line comparison (longest common subsequence) for small summaries: lines added and removed. */
export function changedLineCounts(before: string, after: string): { added: number; removed: number } {
  const a = before.split('\n');
  const b = after.split('\n');
  const dp: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      dp[i][j] = a[i] === b[j] ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
    }
  }
  const common = dp[0][0];
  return { added: b.length - common, removed: a.length - common };
}
