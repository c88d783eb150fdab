import { Flex, Spin } from "antd";

export function LoadingBlock({ tip = "正在加载…" }: { tip?: string }) {
  return (
    <Flex vertical align="center" justify="center" gap={12} style={{ padding: "64px 0" }}>
      <Spin size="large" />
      <span style={{ color: "rgba(0,0,0,0.45)" }}>{tip}</span>
    </Flex>
  );
}
