import { useEffect, useRef } from 'react';
import { EditorState, Compartment } from '@codemirror/state';
import {
  EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter, drawSelection,
} from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { bracketMatching, indentOnInput } from '@codemirror/language';
import { autocompletion, closeBrackets, completionKeymap } from '@codemirror/autocomplete';
import { linter, lintGutter, type Diagnostic } from '@codemirror/lint';
import { searchKeymap, highlightSelectionMatches } from '@codemirror/search';
import { useTranslation } from 'react-i18next';
import type { DrlError } from './api';
import { drl, drlCompletion, drlHighlight } from './drlLanguage';
import { errorRange, offsetOf } from './drlText';

export interface EditorHandle {
  /** Moves the cursor to a line and column and scrolls it into view. */
  goTo: (line: number, column: number) => void;
  /** Inserts text at the cursor. */
  insert: (text: string) => void;
}

/**
 * The DRL editor: highlighting, completion of the fact model, and (when validate is given) validation as you
 * type with each error underlined at its line and column.
 */
export function DrlEditor({
  value,
  onChange,
  ruleSet,
  readOnly = false,
  validate,
  onValidated,
  handle,
  minHeight = '420px',
}: {
  value: string;
  onChange?: (text: string) => void;
  ruleSet: string;
  readOnly?: boolean;
  validate?: (text: string) => Promise<DrlError[]>;
  onValidated?: (errors: DrlError[] | null, failure?: unknown) => void;
  handle?: React.MutableRefObject<EditorHandle | null>;
  minHeight?: string;
}) {
  const { i18n } = useTranslation();
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const languageRef = useRef(i18n.language);
  languageRef.current = i18n.language;
  const callbacks = useRef({ onChange, validate, onValidated });
  callbacks.current = { onChange, validate, onValidated };
  const readOnlyCompartment = useRef(new Compartment());

  useEffect(() => {
    const lint = linter(
      async (v): Promise<Diagnostic[]> => {
        const check = callbacks.current.validate;
        if (!check) return [];
        const text = v.state.doc.toString();
        try {
          const errors = await check(text);
          callbacks.current.onValidated?.(errors);
          return errors.map((e) => ({ ...errorRange(text, e), severity: 'error', message: e.message }));
        } catch (failure) {
          callbacks.current.onValidated?.(null, failure);
          return [];
        }
      },
      { delay: 500 },
    );
    const state = EditorState.create({
      doc: value,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        closeBrackets(),
        highlightActiveLine(),
        highlightSelectionMatches(),
        drl,
        drlHighlight,
        autocompletion({ override: [drlCompletion(ruleSet, () => languageRef.current)] }),
        ...(validate ? [lint, lintGutter()] : []),
        keymap.of([...defaultKeymap, ...historyKeymap, ...completionKeymap, ...searchKeymap, indentWithTab]),
        readOnlyCompartment.current.of([EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)]),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) callbacks.current.onChange?.(update.state.doc.toString());
        }),
        EditorView.theme({ '&': { minHeight }, '.cm-scroller': { minHeight } }),
      ],
    });
    const editor = new EditorView({ state, parent: host.current! });
    view.current = editor;
    if (handle) {
      handle.current = {
        goTo: (line, column) => {
          const text = editor.state.doc.toString();
          const pos = offsetOf(text, line, column);
          editor.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
          editor.focus();
        },
        insert: (text) => {
          const { from, to } = editor.state.selection.main;
          editor.dispatch({ changes: { from, to, insert: text }, selection: { anchor: from + text.length } });
          editor.focus();
        },
      };
    }
    return () => {
      editor.destroy();
      view.current = null;
    };
    // the editor is created once per rule set; later text changes from outside go through the effect below
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ruleSet, Boolean(validate)]);

  useEffect(() => {
    const editor = view.current;
    if (editor && editor.state.doc.toString() !== value) {
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
    }
  }, [value]);

  useEffect(() => {
    view.current?.dispatch({
      effects: readOnlyCompartment.current.reconfigure([EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)]),
    });
  }, [readOnly]);

  return <div className="drl-editor" ref={host} data-testid="drl-editor" />;
}
