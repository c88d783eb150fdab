import type { ThemeConfig } from "antd";

/** Calm, quiet colours: a soft teal instead of alarm-bright blue; red kept for real warnings. */
export const adminTheme: ThemeConfig = {
  token: {
    colorPrimary: "#3a8f7f",
    colorLink: "#2f7a6c",
    borderRadius: 8,
    fontSize: 14,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif',
  },
  components: {
    Layout: { bodyBg: "#f6f8f7", headerHeight: 64 },
  },
};
