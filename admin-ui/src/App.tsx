import { lazy, Suspense } from 'react';
import { Navigate, NavLink, Route, Routes, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { logout } from './shared/auth';
import { chooseLanguage, LANGUAGES, type Language } from './shared/i18n';
import { hasAnyRole, homeFor, NAV, navFor } from './shared/roles';
import { Empty, Loading } from './shared/ui';
import { useUser } from './shared/UserContext';

const RuleSetsPage = lazy(() => import('./rules/RuleSetsPage'));
const RuleVersionPage = lazy(() => import('./rules/RuleVersionPage'));
const RuleEditorPage = lazy(() => import('./rules/RuleEditorPage'));
const ApprovalsPage = lazy(() => import('./rules/ApprovalsPage'));
const DashboardPage = lazy(() => import('./dashboard/DashboardPage'));
const ChannelsPage = lazy(() => import('./channels/ChannelsPage'));
const ChannelPage = lazy(() => import('./channels/ChannelPage'));
const OrdersPage = lazy(() => import('./orders/OrdersPage'));
const OrderPage = lazy(() => import('./orders/OrderPage'));
const RepairPage = lazy(() => import('./repair/RepairPage'));
const MerchantsPage = lazy(() => import('./merchants/MerchantsPage'));
const ReconciliationPage = lazy(() => import('./reconciliation/ReconciliationPage'));
const AuditPage = lazy(() => import('./audit/AuditPage'));
const InstructionsPage = lazy(() => import('./instructions/InstructionsPage'));

function Guard({ page, children }: { page: string; children: React.ReactNode }) {
  const { t } = useTranslation();
  const { roles } = useUser();
  const entry = NAV.find((n) => n.path === page);
  if (entry && !hasAnyRole(roles, entry.roles)) {
    return <Empty>{t('error.pageForbidden')}</Empty>;
  }
  return <>{children}</>;
}

function Header() {
  const { t, i18n } = useTranslation();
  const user = useUser();
  return (
    <header className="topbar">
      <div className="brand">{t('app.title')}</div>
      <nav className="nav" aria-label={t('app.navigation')}>
        {navFor(user.roles).map((entry) => (
          <NavLink key={entry.path} to={`/${entry.path}`} className={({ isActive }) => (isActive ? 'active' : '')}>
            {t(entry.label)}
          </NavLink>
        ))}
      </nav>
      <div className="user">
        <select
          aria-label={t('app.language')}
          value={i18n.language}
          onChange={(e) => chooseLanguage(e.target.value as Language)}
        >
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {l === 'zh-CN' ? '中文' : 'English'}
            </option>
          ))}
        </select>
        <span className="user-name" title={user.username} data-testid="user-name">
          {user.name}
        </span>
        <span className="user-roles" data-testid="user-roles">
          {user.roles.map((r) => t(`role.${r}`)).join(' · ') || t('role.none')}
        </span>
        <button type="button" className="link" onClick={logout}>
          {t('app.logout')}
        </button>
      </div>
    </header>
  );
}

export function App() {
  const { t } = useTranslation();
  const { roles } = useUser();
  const { pathname } = useLocation();
  const home = homeFor(roles);
  return (
    <div className="shell">
      <Header />
      <main className="content" data-path={`/admin${pathname}`}>
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route path="/" element={home ? <Navigate to={`/${home}`} replace /> : <Empty>{t('error.noRole')}</Empty>} />
            <Route path="/rules" element={<Guard page="rules"><RuleSetsPage /></Guard>} />
            <Route path="/rules/:name" element={<Guard page="rules"><RuleSetsPage /></Guard>} />
            <Route path="/rules/:name/versions/:version" element={<Guard page="rules"><RuleVersionPage /></Guard>} />
            <Route path="/rules/:name/edit" element={<Guard page="rules"><RuleEditorPage /></Guard>} />
            <Route path="/approvals" element={<Guard page="approvals"><ApprovalsPage /></Guard>} />
            <Route path="/dashboard" element={<Guard page="dashboard"><DashboardPage /></Guard>} />
            <Route path="/channels" element={<Guard page="channels"><ChannelsPage /></Guard>} />
            <Route path="/channels/:code" element={<Guard page="channels"><ChannelPage /></Guard>} />
            <Route path="/orders" element={<Guard page="orders"><OrdersPage /></Guard>} />
            <Route path="/orders/:orderId" element={<Guard page="orders"><OrderPage /></Guard>} />
            <Route path="/repair" element={<Guard page="repair"><RepairPage /></Guard>} />
            <Route path="/merchants" element={<Guard page="merchants"><MerchantsPage /></Guard>} />
            <Route path="/reconciliation" element={<Guard page="reconciliation"><ReconciliationPage /></Guard>} />
            <Route path="/instructions" element={<Guard page="instructions"><InstructionsPage /></Guard>} />
            <Route path="/audit" element={<Guard page="audit"><AuditPage /></Guard>} />
            <Route path="*" element={<Empty>{t('error.notFound')}</Empty>} />
          </Routes>
        </Suspense>
      </main>
    </div>
  );
}
