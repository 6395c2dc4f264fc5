import type { ConsoleArea } from "@survey/contract";
import { type ComponentType, lazy, type ReactNode } from "react";
import { Navigate, Outlet, Route, Routes, useLocation } from "react-router-dom";
import { useSessionQuery } from "./features/accounts/api";
import { CurrentUserContext } from "./features/accounts/current-user";
import { SignInPage } from "./features/accounts/sign-in-page";
import { AppShell } from "./layout/app-shell";
import { canOpen, homePathFor } from "./layout/navigation";
import { ForbiddenPage, NotFoundPage } from "./layout/simple-pages";
import { QueryState } from "./shared/components/query-state";

/** Each page is its own chunk: SurveyJS and ECharts load only where they are used. */
function page<M>(load: () => Promise<M>, name: keyof M) {
  return lazy(() => load().then((module) => ({ default: module[name] as ComponentType })));
}

const MonitorPage = page(() => import("./features/fieldwork/monitor/monitor-page"), "MonitorPage");
const PaperEntryPage = page(() => import("./features/fieldwork/entry/paper-entry-page"), "PaperEntryPage");
const PostersPage = page(() => import("./features/fieldwork/posters/posters-page"), "PostersPage");
const ResponsesPage = page(() => import("./features/responses/responses-page"), "ResponsesPage");
const ResponsePage = page(() => import("./features/responses/response-page"), "ResponsePage");
const FramePage = page(() => import("./features/frame/frame-page"), "FramePage");
const WavesPage = page(() => import("./features/waves/waves-page"), "WavesPage");
const WaveEditPage = page(() => import("./features/waves/wave-edit-page"), "WaveEditPage");
const UsersPage = page(() => import("./features/accounts/users-page"), "UsersPage");
const AuditPage = page(() => import("./features/accounts/audit-page"), "AuditPage");
const ResultsPage = page(() => import("./features/analysis/results/results-page"), "ResultsPage");
const CrosstabPage = page(() => import("./features/analysis/crosstab/crosstab-page"), "CrosstabPage");
const TrendsPage = page(() => import("./features/analysis/trends/trends-page"), "TrendsPage");
const IndicatorsPage = page(() => import("./features/indicators/indicators-page"), "IndicatorsPage");
const CommentsPage = page(() => import("./features/comments/comments-page"), "CommentsPage");
const QuestionnairesPage = page(() => import("./features/questionnaires/questionnaires-page"), "QuestionnairesPage");
const StudioPage = page(() => import("./features/questionnaires/editor/studio-page"), "StudioPage");
const WarningsPage = page(() => import("./features/indicator-system/warnings-page"), "WarningsPage");
const BenchmarksPage = page(() => import("./features/indicator-system/benchmarks-page"), "BenchmarksPage");
const RecommendationsPage = page(
  () => import("./features/indicator-system/recommendations-page"),
  "RecommendationsPage",
);
const SubmissionsPage = page(() => import("./features/indicator-system/submissions-page"), "SubmissionsPage");
const ComparisonPage = page(() => import("./features/analysis/comparison/comparison-page"), "ComparisonPage");

/** The routes below the shell: the path, the area whose roles may open it, and the page. */
const routes: [path: string, area: ConsoleArea, Page: ComponentType][] = [
  ["monitor", "monitor", MonitorPage],
  ["entry", "entry", PaperEntryPage],
  ["posters", "posters", PostersPage],
  ["responses", "responses", ResponsesPage],
  ["responses/:responseId", "responses", ResponsePage],
  ["results", "results", ResultsPage],
  ["crosstab", "crosstab", CrosstabPage],
  ["trends", "trends", TrendsPage],
  ["indicators", "indicators", IndicatorsPage],
  ["comparison", "comparison", ComparisonPage],
  ["comments", "comments", CommentsPage],
  ["warnings", "warnings", WarningsPage],
  ["benchmarks", "benchmarks", BenchmarksPage],
  ["recommendations", "recommendations", RecommendationsPage],
  ["submissions", "submissions", SubmissionsPage],
  ["frame", "frame", FramePage],
  ["questionnaires", "questionnaires", QuestionnairesPage],
  ["questionnaires/:questionnaireId", "questionnaires", StudioPage],
  ["waves", "waves", WavesPage],
  ["waves/new", "waves", WaveEditPage],
  ["waves/:waveId", "waves", WaveEditPage],
  ["users", "users", UsersPage],
  ["audit", "audit", AuditPage],
];

/** Pages below need a session; without one the user is sent to sign in and brought back after. */
function SessionGate() {
  const session = useSessionQuery();
  const location = useLocation();
  return (
    <QueryState query={session}>
      {(data) =>
        data ? (
          <CurrentUserContext.Provider value={data.user}>
            <Outlet />
          </CurrentUserContext.Provider>
        ) : (
          <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />
        )
      }
    </QueryState>
  );
}

function RoleGate({ area, children }: { area: ConsoleArea; children: ReactNode }) {
  const session = useSessionQuery();
  const role = session.data?.user.role;
  if (!role || !canOpen(role, area)) return <ForbiddenPage />;
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
          {routes.map(([path, area, Page]) => (
            <Route
              key={path}
              path={path}
              element={
                <RoleGate area={area}>
                  <Page />
                </RoleGate>
              }
            />
          ))}
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
