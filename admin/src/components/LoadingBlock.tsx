import { Flex, Spin } from "antd";

interface LoadingBlockProps {
  tip?: string;
  /** Centre in the whole window: for screens with no admin frame around them (sign-in, the frame itself). */
  fill?: boolean;
}

export function LoadingBlock({ tip = "正在加载…", fill = false }: LoadingBlockProps) {
  return (
    <Flex vertical align="center" justify="center" gap={12} style={fill ? { minHeight: "100vh" } : { padding: "64px 0" }}>
      <Spin size="large" />
      <span style={{ color: "rgba(0,0,0,0.45)" }}>{tip}</span>
    </Flex>
  );
}
