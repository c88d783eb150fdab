import type { ReactNode } from "react";
import { Flex, theme, Typography } from "antd";
import { BrandMark } from "../layout/BrandMark";

interface AuthFrameProps {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}

/** The quiet centred card used before the admin opens: sign-in and the forced first steps. */
export function AuthFrame({ title, description, children, footer }: AuthFrameProps) {
  const { token } = theme.useToken();
  // Drawn like a Card rather than with one: antd's Card brings Tabs, and with them Menu and Dropdown,
  // about 26 KB gzip the sign-in screen would otherwise wait for.
  const card = {
    width: "100%",
    maxWidth: 440,
    padding: token.paddingLG,
    background: token.colorBgContainer,
    border: `${token.lineWidth}px ${token.lineType} ${token.colorBorderSecondary}`,
    borderRadius: token.borderRadiusLG,
    boxShadow: "0 8px 24px rgba(36, 85, 76, 0.08)",
  };
  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: "100vh", background: "linear-gradient(180deg, #eef6f3 0%, #f8faf9 100%)", padding: 16 }}>
      <BrandMark />
      <div style={card}>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {title}
        </Typography.Title>
        {description ? (
          <Typography.Paragraph type="secondary" style={{ marginBottom: 20 }}>
            {description}
          </Typography.Paragraph>
        ) : null}
        {children}
      </div>
      {footer ? <div style={{ marginTop: 16 }}>{footer}</div> : null}
      <Typography.Text type="secondary" style={{ marginTop: 24, fontSize: 12 }}>
        心援 · 县域学校心理援助平台 · 仅限工作人员使用
      </Typography.Text>
    </Flex>
  );
}
