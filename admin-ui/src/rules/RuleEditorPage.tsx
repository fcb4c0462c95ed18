import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../shared/api';
import { Empty, ErrorBox, Loading, PageHeader, ReasonDialog } from '../shared/ui';
import { usePermissions } from '../shared/UserContext';
import { isStale, liveOf, ruleKeys, rulesApi, useRuleSets, useVersions, type DrlError } from './api';
import { BacktestPanel } from './BacktestPanel';
import { DrlEditor, type EditorHandle } from './DrlEditor';
import { changedLineCounts, locate } from './drlText';
import { TestPanel } from './TestPanel';
import { VocabularyPanel } from './VocabularyPanel';

const DiffView = lazy(() => import('./DiffView'));

type Tab = 'test' | 'backtest' | 'diff';

export default function RuleEditorPage() {
  const { t } = useTranslation();
  const { name = 'routing' } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const permissions = usePermissions();
  const versions = useVersions(name);
  const ruleSets = useRuleSets();
  const from = params.get('from') ? Number(params.get('from')) : null;

  const [text, setText] = useState<string | null>(null);
  const [baseVersion, setBaseVersion] = useState<number | null>(null);
  const [errors, setErrors] = useState<DrlError[] | null>(null);
  const [validationFailure, setValidationFailure] = useState<unknown>(null);
  const [tab, setTab] = useState<Tab>('test');
  const [submitting, setSubmitting] = useState<'draft' | 'submit' | null>(null);
  const editor = useRef<EditorHandle | null>(null);
  const textRef = useRef('');
  textRef.current = text ?? '';

  const live = versions.data ? liveOf(versions.data) : undefined;
  useEffect(() => {
    if (text !== null || !versions.data) return;
    const base = from ? versions.data.find((v) => v.version === from) : live;
    setText(base?.drl ?? '');
    setBaseVersion(live?.version ?? null);
  }, [versions.data, text, from, live]);

  // the live version may change while someone edits: re-read it now and then
  useEffect(() => {
    const timer = window.setInterval(() => void queryClient.invalidateQueries({ queryKey: ruleKeys.all }), 15_000);
    return () => window.clearInterval(timer);
  }, [queryClient]);
  const liveNow = ruleSets.data?.find((r) => r.name === name)?.activeVersion ?? live?.version ?? null;
  const stale = isStale({ baseVersion }, liveNow);

  const validate = useCallback(
    async (drl: string) => (await rulesApi.validate(name, drl)).errors.map((e) => locate(drl, e)),
    [name],
  );
  const onValidated = useCallback((found: DrlError[] | null, failure?: unknown) => {
    setErrors(found);
    setValidationFailure(failure ?? null);
  }, []);

  if (!permissions.editRules) {
    return <Empty>{t('rules.editor.authorsOnly')}</Empty>;
  }
  if (versions.isPending) return <Loading />;
  if (versions.isError) return <ErrorBox error={versions.error} onRetry={() => void versions.refetch()} />;
  if (text === null) return <Loading />;

  const liveDrl = live?.drl ?? '';
  const counts = changedLineCounts(liveDrl, text);
  const save = async (comment: string, andSubmit: boolean) => {
    const draft = await rulesApi.createDraft(name, text, comment, baseVersion);
    if (andSubmit) await rulesApi.submit(name, draft.version);
    await queryClient.invalidateQueries({ queryKey: ruleKeys.all });
    navigate(`/rules/${name}/versions/${draft.version}`);
  };

  return (
    <div className="page rule-editor">
      <PageHeader title={t('rules.editor.title', { name: t(`ruleSet.${name}`) })}>
        <span className="muted">
          {baseVersion ? t('rules.editor.basedOn', { version: baseVersion }) : t('rules.editor.noBase')}
          {from && from !== baseVersion ? ` · ${t('rules.editor.copiedFrom', { version: from })}` : ''}
        </span>
        <Link to={`/rules/${name}`}>{t('rules.editor.back')}</Link>
        <button type="button" onClick={() => setSubmitting('draft')} disabled={errors === null || errors.length > 0}>
          {t('rules.editor.saveDraft')}
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => setSubmitting('submit')}
          disabled={errors === null || errors.length > 0}
          title={errors && errors.length > 0 ? t('rules.editor.fixFirst') : undefined}
        >
          {t('rules.editor.submit')}
        </button>
      </PageHeader>
      {stale && (
        <div className="state state-warning" role="status" data-testid="stale-warning">
          {t('rules.editor.stale', { base: baseVersion, live: liveNow })}{' '}
          <button type="button" className="link" onClick={() => setTab('diff')}>
            {t('rules.editor.showDiff')}
          </button>
        </div>
      )}
      <div className="editor-grid">
        <div className="editor-column">
          <DrlEditor
            value={text}
            onChange={setText}
            ruleSet={name}
            validate={validate}
            onValidated={onValidated}
            handle={editor}
          />
          <div className="problems" data-testid="problems" aria-live="polite">
            {validationFailure !== null ? (
              <ErrorBox error={validationFailure} />
            ) : errors === null ? (
              <span className="muted">{t('rules.editor.checking')}</span>
            ) : errors.length === 0 ? (
              <span className="ok">✓ {t('rules.editor.valid')}</span>
            ) : (
              <>
                <strong className="error-text">{t('rules.editor.problems', { count: errors.length })}</strong>
                <ul>
                  {errors.map((e, i) => (
                    <li key={i}>
                      <button type="button" className="link" onClick={() => editor.current?.goTo(e.line, e.column)}>
                        {e.column > 0 ? t('rules.editor.at', { line: e.line, column: e.column }) : t('rules.editor.atLine', { line: e.line })}
                      </button>{' '}
                      {e.message}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        </div>
        <VocabularyPanel ruleSet={name} onInsert={(s) => editor.current?.insert(s)} />
      </div>
      <div className="tabs" role="tablist">
        {(['test', 'backtest', 'diff'] as Tab[]).map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={tab === id}
            className={tab === id ? 'active' : ''}
            onClick={() => setTab(id)}
          >
            {t(`rules.editor.tab.${id}`)}
            {id === 'diff' && ` (+${counts.added} −${counts.removed})`}
          </button>
        ))}
      </div>
      <div className="tab-body">
        {tab === 'test' && <TestPanel ruleSet={name} drl={() => textRef.current} />}
        {tab === 'backtest' && <BacktestPanel ruleSet={name} drl={() => textRef.current} />}
        {tab === 'diff' && (
          <Suspense fallback={<Loading />}>
            <DiffView
              before={liveDrl}
              after={text}
              beforeLabel={live ? t('rules.diff.live', { version: live.version }) : t('rules.diff.nothingLive')}
              afterLabel={t('rules.diff.yourText')}
            />
          </Suspense>
        )}
      </div>
      {submitting && (
        <ReasonDialog
          wide
          title={submitting === 'submit' ? t('rules.editor.submitTitle') : t('rules.editor.saveTitle')}
          intro={
            <>
              <p>{submitting === 'submit' ? t('rules.editor.submitIntro') : t('rules.editor.saveIntro')}</p>
              {stale && <p className="error-text">{t('rules.editor.stale', { base: baseVersion, live: liveNow })}</p>}
            </>
          }
          label={t('rules.editor.comment')}
          confirmLabel={submitting === 'submit' ? t('rules.editor.submitConfirm') : t('rules.editor.saveConfirm')}
          onSubmit={async (comment) => {
            try {
              await save(comment, submitting === 'submit');
            } catch (e) {
              if (e instanceof ApiError && e.code === 'INVALID_DRL' && Array.isArray(e.details.errors)) {
                setErrors(e.details.errors as DrlError[]);
              }
              throw e;
            }
          }}
          onClose={() => setSubmitting(null)}
        >
          <Suspense fallback={<Loading />}>
            <DiffView
              before={liveDrl}
              after={text}
              beforeLabel={live ? t('rules.diff.live', { version: live.version }) : t('rules.diff.nothingLive')}
              afterLabel={t('rules.diff.yourText')}
            />
          </Suspense>
        </ReasonDialog>
      )}
    </div>
  );
}
