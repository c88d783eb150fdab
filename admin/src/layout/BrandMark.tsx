import { Flex, Typography } from "antd";
import { HeartFilled } from "@ant-design/icons";

/** 心援 wordmark; the compact form for the collapsed menu. */
export function BrandMark({ compact = false }: { compact?: boolean }) {
  return (
    <Flex align="center" justify={compact ? "center" : "flex-start"} gap={8} style={{ height: 64, padding: compact ? 0 : "0 24px" }}>
      <HeartFilled style={{ color: "#3a8f7f", fontSize: 22 }} />
      {compact ? null : (
        <Typography.Text strong style={{ fontSize: 18, color: "#24554c" }}>
          心援 · 工作台
        </Typography.Text>
      )}
    </Flex>
  );
}
