import { useCallback } from "react";
import { App as AntApp, ConfigProvider } from "antd";
import zhCN from "antd/locale/zh_CN";
import { BrowserRouter, Route, Routes } from "react-router-dom";
import { builtRoutes } from "./routes";
import { RouteGate } from "./RouteGate";
import { AdminFrame } from "./layout/AdminFrame";
import { NotFoundPage } from "./components/StatusPages";
import { ApiClientBridge } from "./feedback/ApiClientBridge";
import { useSession } from "./session/useSession";
import { useIdleLogout } from "./session/useIdleLogout";
import { signOut } from "./session/signOut";
import { adminTheme } from "./theme";

function IdleWatch() {
  const session = useSession();
  const onIdle = useCallback((reason: string) => signOut(reason), []);
  useIdleLogout(session !== null, onIdle);
  return null;
}

export function App() {
  return (
    <ConfigProvider locale={zhCN} theme={adminTheme} button={{ autoInsertSpace: false }}>
      {/* Toasts open below the 64 px header, never over its duty switch and account menu. */}
      <AntApp message={{ top: 72 }} notification={{ top: 72 }}>
        <ApiClientBridge />
        <IdleWatch />
        <BrowserRouter basename="/admin">
          <Routes>
            {builtRoutes
              .filter((route) => route.frame !== "admin")
              .map((route) => (
                <Route key={route.path} path={route.path} element={<RouteGate route={route} />} />
              ))}
            <Route element={<AdminFrame />}>
              {builtRoutes
                .filter((route) => route.frame === "admin")
                .map((route) => (
                  <Route key={route.path} path={route.path} element={<RouteGate route={route} />} />
                ))}
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}
