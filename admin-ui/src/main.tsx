import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router-dom';
import './shared/i18n';
import './shared/styles.css';
import { ApiError } from './shared/api';
import { startLogin } from './shared/auth';
import { UserContext } from './shared/UserContext';
import { App } from './App';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // a refusal will not change by asking again; a lost connection might
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      staleTime: 5_000,
      refetchOnWindowFocus: false,
    },
  },
});

const root = createRoot(document.getElementById('root')!);
root.render(<div className="boot">…</div>);

startLogin().then(
  (user) =>
    root.render(
      <StrictMode>
        <QueryClientProvider client={queryClient}>
          <UserContext.Provider value={user}>
            <BrowserRouter basename="/admin">
              <App />
            </BrowserRouter>
          </UserContext.Provider>
        </QueryClientProvider>
      </StrictMode>,
    ),
  (error: unknown) =>
    root.render(
      <div className="boot boot-error" role="alert">
        <h1>TopUp</h1>
        <p>登录服务暂时不可用 · The sign-in service cannot be reached.</p>
        <code>{String(error instanceof Error ? error.message : error)}</code>
        <p>
          <button type="button" onClick={() => window.location.reload()}>
            重试 · Retry
          </button>
        </p>
      </div>,
    ),
);
