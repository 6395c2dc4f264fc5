import type { Role } from "@survey/contract";
import { lazy, type ReactNode } from "react";
import { Navigate, Outlet, Route, Routes, useLocation } from "react-router-dom";
import { useSessionQuery } from "./api/session";
import { ErrorNotice, Loading } from "./components/feedback";
import { AppShell } from "./layout/app-shell";
import { canOpen, homePathFor } from "./layout/navigation";
import { SignInPage } from "./pages/sign-in-page";
import { ForbiddenPage, NotFoundPage } from "./pages/simple-pages";
import { CurrentUserContext } from "./session/current-user";

// Each page is its own chunk: SurveyJS and ECharts load only where they are used.
const MonitorPage = lazy(() => import("./pages/monitor/monitor-page").then((m) => ({ default: m.MonitorPage })));
const PaperEntryPage = lazy(() =>
  import("./pages/entry/paper-entry-page").then((m) => ({ default: m.PaperEntryPage })),
);
const PostersPage = lazy(() => import("./pages/posters/posters-page").then((m) => ({ default: m.PostersPage })));
const FramePage = lazy(() => import("./pages/frame/frame-page").then((m) => ({ default: m.FramePage })));
const WavesPage = lazy(() => import("./pages/waves/waves-page").then((m) => ({ default: m.WavesPage })));
const WaveEditPage = lazy(() => import("./pages/waves/wave-edit-page").then((m) => ({ default: m.WaveEditPage })));
const UsersPage = lazy(() => import("./pages/users/users-page").then((m) => ({ default: m.UsersPage })));
const AuditPage = lazy(() => import("./pages/audit/audit-page").then((m) => ({ default: m.AuditPage })));
const ResultsPage = lazy(() => import("./pages/results/results-page").then((m) => ({ default: m.ResultsPage })));
const CrosstabPage = lazy(() => import("./pages/crosstab/crosstab-page").then((m) => ({ default: m.CrosstabPage })));
const TrendsPage = lazy(() => import("./pages/trends/trends-page").then((m) => ({ default: m.TrendsPage })));
const IndicatorsPage = lazy(() =>
  import("./pages/indicators/indicators-page").then((m) => ({ default: m.IndicatorsPage })),
);
const ComparisonPage = lazy(() =>
  import("./pages/comparison/comparison-page").then((m) => ({ default: m.ComparisonPage })),
);

/** Pages below need a session; without one the user is sent to sign in and brought back after. */
function SessionGate() {
  const session = useSessionQuery();
  const location = useLocation();
  if (session.isPending) return <Loading />;
  if (session.isError) return <ErrorNotice error={session.error} onRetry={() => session.refetch()} />;
  if (!session.data) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return (
    <CurrentUserContext.Provider value={session.data.user}>
      <Outlet />
    </CurrentUserContext.Provider>
  );
}

function RoleGate({ path, children }: { path: string; children: ReactNode }) {
  const session = useSessionQuery();
  const role: Role | undefined = session.data?.user.role;
  if (!role || !canOpen(role, path)) return <ForbiddenPage />;
  return children;
}

function Home() {
  const session = useSessionQuery();
  return <Navigate to={session.data ? homePathFor(session.data.user.role) : "/login"} replace />;
}

export function App() {
  return (
    <Routes>
      <Route path="/login" element={<SignInPage />} />
      <Route element={<SessionGate />}>
        <Route element={<AppShell />}>
          <Route index element={<Home />} />
          <Route
            path="monitor"
            element={
              <RoleGate path="/monitor">
                <MonitorPage />
              </RoleGate>
            }
          />
          <Route
            path="entry"
            element={
              <RoleGate path="/entry">
                <PaperEntryPage />
              </RoleGate>
            }
          />
          <Route
            path="posters"
            element={
              <RoleGate path="/posters">
                <PostersPage />
              </RoleGate>
            }
          />
          <Route
            path="results"
            element={
              <RoleGate path="/results">
                <ResultsPage />
              </RoleGate>
            }
          />
          <Route
            path="crosstab"
            element={
              <RoleGate path="/crosstab">
                <CrosstabPage />
              </RoleGate>
            }
          />
          <Route
            path="trends"
            element={
              <RoleGate path="/trends">
                <TrendsPage />
              </RoleGate>
            }
          />
          <Route
            path="indicators"
            element={
              <RoleGate path="/indicators">
                <IndicatorsPage />
              </RoleGate>
            }
          />
          <Route
            path="comparison"
            element={
              <RoleGate path="/comparison">
                <ComparisonPage />
              </RoleGate>
            }
          />
          <Route
            path="frame"
            element={
              <RoleGate path="/frame">
                <FramePage />
              </RoleGate>
            }
          />
          <Route
            path="waves"
            element={
              <RoleGate path="/waves">
                <WavesPage />
              </RoleGate>
            }
          />
          <Route
            path="waves/new"
            element={
              <RoleGate path="/waves">
                <WaveEditPage />
              </RoleGate>
            }
          />
          <Route
            path="waves/:waveId"
            element={
              <RoleGate path="/waves">
                <WaveEditPage />
              </RoleGate>
            }
          />
          <Route
            path="users"
            element={
              <RoleGate path="/users">
                <UsersPage />
              </RoleGate>
            }
          />
          <Route
            path="audit"
            element={
              <RoleGate path="/audit">
                <AuditPage />
              </RoleGate>
            }
          />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
