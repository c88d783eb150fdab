import { lazy, Suspense, useEffect } from "react";
import { matchPath, Navigate, useLocation } from "react-router-dom";
import type { StaffSessionView } from "@xinyuan/shared";
import { builtRoutes } from "../routes";
import { decideAdminPage, guardPaths, pendingStepPath } from "../guard";
import { useSession } from "../session/useSession";
import { sessionEndedByChoice } from "../session/sessionStore";
import { LoadingBlock } from "../components/LoadingBlock";
import { PageLoadBoundary } from "../components/pageLoad/PageLoadBoundary";

// The menu, the header and the live connection (socket.io) are their own download, so the sign-in screen
// does not wait for them.
const AdminLayout = lazy(() => import("./AdminLayout").then((module) => ({ default: module.AdminLayout })));

/**
 * The signed-in frame's gate, kept in the first download: it sends a visitor without a session to
 * sign-in, and one with a forced step to it, before anything of the frame is fetched.
 */
export function AdminFrame() {
  const session = useSession();
  const location = useLocation();
  usePagePreload(session, location.pathname);

  if (!session) {
    // After an expiry or a first visit, sign-in returns here; a chosen sign-out starts over from home.
    const state = sessionEndedByChoice() ? undefined : { from: location.pathname + location.search };
    return <Navigate to={guardPaths.login} replace state={state} />;
  }
  const nextStep = pendingStepPath(session);
  if (nextStep) return <Navigate to={nextStep} replace />;

  return (
    <PageLoadBoundary fill>
      <Suspense fallback={<LoadingBlock fill />}>
        <AdminLayout session={session} />
      </Suspense>
    </PageLoadBoundary>
  );
}

/** Fetches the page at this address alongside the frame, so a fresh visit waits for one round of downloads, not two. */
function usePagePreload(session: StaffSessionView | null, pathname: string): void {
  useEffect(() => {
    const route = builtRoutes.find((candidate) => candidate.frame === "admin" && matchPath(candidate.path, pathname));
    if (!route || decideAdminPage(session, route.access ?? "canUseAdmin").kind !== "allow") return;
    // A failed download is shown by the page's own boundary when it renders.
    route.page.preload().catch(() => undefined);
  }, [session, pathname]);
}
