import type { ReactNode } from "react";
import { Flex, Typography } from "antd";

interface PageContainerProps {
  title: string;
  description?: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
}

/** The frame of every page: a title, one line on what the page is for, actions on the right. */
export function PageContainer({ title, description, extra, children }: PageContainerProps) {
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="flex-start" gap={16} wrap>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          {description ? (
            <Typography.Paragraph type="secondary" style={{ margin: "4px 0 0" }}>
              {description}
            </Typography.Paragraph>
          ) : null}
        </div>
        {extra ? <Flex gap={8}>{extra}</Flex> : null}
      </Flex>
      {children}
    </Flex>
  );
}
