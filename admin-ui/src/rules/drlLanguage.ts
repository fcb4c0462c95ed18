import { StreamLanguage, HighlightStyle, syntaxHighlighting, type StreamParser } from '@codemirror/language';
import { tags } from '@lezer/highlight';
import type { Completion, CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import { FACT_TYPES, GLOBALS, vocabularyOf } from './vocabulary';

const KEYWORDS = new Set([
  'package', 'import', 'global', 'function', 'query', 'declare', 'rule', 'when', 'then', 'end', 'salience',
  'no-loop', 'lock-on-active', 'agenda-group', 'activation-group', 'ruleflow-group', 'dialect', 'date-effective',
  'date-expires', 'enabled', 'duration', 'timer', 'not', 'exists', 'forall', 'and', 'or', 'eval', 'from', 'collect',
  'accumulate', 'in', 'matches', 'memberOf', 'contains', 'soundslike', 'str', 'extends', 'if', 'else', 'return',
  'new', 'modify', 'insert', 'insertLogical', 'update', 'retract', 'delete', 'this', 'for', 'instanceof',
]);
const ATOMS = new Set(['true', 'false', 'null']);
const TYPES = new Set([...FACT_TYPES, 'String', 'Math', 'List', 'Set', 'Map', 'BigDecimal', 'Duration', 'Instant']);
const GLOBAL_NAMES = new Set(GLOBALS);

interface DrlState {
  inComment: boolean;
}

/** A small DRL mode: keywords, strings, comments, numbers, $bindings and the fact model's names. */
export const drlParser: StreamParser<DrlState> = {
  name: 'drl',
  startState: () => ({ inComment: false }),
  token(stream, state) {
    if (state.inComment) {
      if (stream.skipTo('*/')) {
        stream.match('*/');
        state.inComment = false;
      } else {
        stream.skipToEnd();
      }
      return 'comment';
    }
    if (stream.eatSpace()) return null;
    if (stream.match('//') || stream.match('#')) {
      stream.skipToEnd();
      return 'comment';
    }
    if (stream.match('/*')) {
      state.inComment = true;
      return 'comment';
    }
    const quote = stream.peek();
    if (quote === '"' || quote === "'") {
      stream.next();
      let escaped = false;
      let ch: string | void;
      while ((ch = stream.next()) !== undefined) {
        if (ch === quote && !escaped) break;
        escaped = !escaped && ch === '\\';
      }
      return 'string';
    }
    if (stream.match(/^-?\d+(\.\d+)?[lLdDfF]?/)) return 'number';
    if (stream.match(/^\$[\w]+/)) return 'variableName.special';
    if (stream.match(/^(no-loop|lock-on-active|agenda-group|activation-group|ruleflow-group|date-effective|date-expires)/)) {
      return 'keyword';
    }
    if (stream.match(/^[A-Za-z_][\w]*/)) {
      const word = stream.current();
      if (KEYWORDS.has(word)) return 'keyword';
      if (ATOMS.has(word)) return 'atom';
      if (TYPES.has(word)) return 'typeName';
      if (GLOBAL_NAMES.has(word)) return 'variableName.special';
      return 'variableName';
    }
    if (stream.match(/^(==|!=|>=|<=|&&|\|\||[<>:=!+\-*/%])/)) return 'operator';
    stream.next();
    return null;
  },
  languageData: { commentTokens: { line: '//', block: { open: '/*', close: '*/' } } },
};

export const drl = StreamLanguage.define(drlParser);

export const drlHighlight = syntaxHighlighting(
  HighlightStyle.define([
    { tag: tags.keyword, color: '#7c3aed', fontWeight: '600' },
    { tag: tags.string, color: '#0f766e' },
    { tag: tags.comment, color: '#6b7280', fontStyle: 'italic' },
    { tag: tags.number, color: '#b45309' },
    { tag: tags.atom, color: '#b45309' },
    { tag: tags.typeName, color: '#1d4ed8', fontWeight: '600' },
    { tag: tags.special(tags.variableName), color: '#be123c' },
    { tag: tags.operator, color: '#374151' },
  ]),
);

function completionsFor(ruleSet: string, language: string): { top: Completion[]; members: Map<string, Completion[]> } {
  const zh = language.startsWith('zh');
  const groups = vocabularyOf(ruleSet);
  const top: Completion[] = [];
  const members = new Map<string, Completion[]>();
  for (const group of groups) {
    top.push({ label: group.name, type: group.kind === 'fact' ? 'class' : 'variable', info: zh ? group.zh : group.en, boost: 2 });
    const list = group.members.map<Completion>((m) => ({
      label: m.name,
      apply: m.insert ?? m.name,
      type: m.insert?.includes('(') ? 'method' : 'property',
      detail: m.type,
      info: zh ? m.zh : m.en,
    }));
    members.set(group.name, list);
    top.push(...list.map((c) => ({ ...c, boost: 0 })));
  }
  for (const k of ['rule', 'when', 'then', 'end', 'salience', 'import', 'not', 'exists', 'eval', 'from']) {
    top.push({ label: k, type: 'keyword', boost: -1 });
  }
  return { top, members };
}

/** Completion of the fact model: members after "decision." or "random.", every name elsewhere. */
export function drlCompletion(ruleSet: string, language: () => string) {
  return (context: CompletionContext): CompletionResult | null => {
    const { top, members } = completionsFor(ruleSet, language());
    const member = context.matchBefore(/\b(decision|random)\.\w*$/);
    if (member) {
      const dot = member.text.indexOf('.');
      const owner = member.text.slice(0, dot);
      return { from: member.from + dot + 1, options: members.get(owner) ?? [], validFor: /^\w*$/ };
    }
    const word = context.matchBefore(/[\w$]+$/);
    if (!word && !context.explicit) return null;
    return { from: word ? word.from : context.pos, options: top, validFor: /^[\w$]*$/ };
  };
}
