import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import { App } from "./App";
import "./global.css";

dayjs.locale("zh-cn");

const container = document.getElementById("root");
if (!container) throw new Error("找不到页面根节点 #root");

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
