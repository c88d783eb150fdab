import { Suspense, useEffect } from "react";
import { Navigate, useLocation } from "react-router-dom";
import { decideAdminPage, decideLogin, decideSetupStep, type GuardDecision } from "./guard";
import type { AdminRoute, PageComponent } from "./routes";
import { useSession } from "./session/useSession";
import { ForbiddenPage } from "./components/StatusPages";
import { LoadingBlock } from "./components/LoadingBlock";
import { PageLoadBoundary } from "./components/pageLoad/PageLoadBoundary";

/** Renders a declared route's page after the guard for its frame agrees; otherwise redirects or says 403. */
export function RouteGate({ route }: { route: AdminRoute & { page: PageComponent } }) {
  const session = useSession();
  const location = useLocation();

  useEffect(() => {
    document.title = `${route.title} · 心援`;
  }, [route.title]);

  const decision: GuardDecision =
    route.frame === "bare"
      ? decideLogin(session)
      : route.frame === "setup"
        ? decideSetupStep(session, route.path)
        : decideAdminPage(session, route.access ?? "canUseAdmin");

  if (decision.kind === "redirect") {
    const from = (location.state as { from?: unknown } | null)?.from;
    const target = route.frame === "bare" && decision.to === "/" && typeof from === "string" ? from : decision.to;
    return <Navigate to={target} replace state={decision.to === "/login" ? { from: location.pathname } : undefined} />;
  }
  if (decision.kind === "forbidden") return <ForbiddenPage />;
  const Page = route.page;
  // Outside the admin frame (sign-in, forced steps) the page is the whole window.
  const fill = route.frame !== "admin";
  // Keyed by path: React reuses this gate between routes, and a failed page must not follow to the next.
  return (
    <PageLoadBoundary key={route.path} fill={fill}>
      <Suspense fallback={<LoadingBlock fill={fill} />}>
        <Page />
      </Suspense>
    </PageLoadBoundary>
  );
}
