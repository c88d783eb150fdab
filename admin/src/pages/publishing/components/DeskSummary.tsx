import { Card, Col, Row, Statistic } from "antd";
import { Link } from "react-router-dom";
import { useAsync } from "../../../hooks/useAsync";
import { listPublications } from "../service";

/** The editor's and reviewer's corner of the home page: what waits for them on the publishing desk. */
export function DeskSummary({ editor, reviewer }: { editor: boolean; reviewer: boolean }) {
  const items = useAsync(() => listPublications(), []);
  const all = items.data ?? [];
  const count = (status: string) => all.filter((item) => item.status === status).length;
  const sentBack = all.filter((item) => item.status === "draft" && item.reviewComment).length;
  return (
    <Card title="宣传月内容" extra={<Link to="/publishing">进入内容发布</Link>} loading={items.loading}>
      <Row gutter={16}>
        {editor ? (
          <>
            <Col span={6}><Statistic title="草稿" value={count("draft")} /></Col>
            <Col span={6}><Statistic title="被退回待修改" value={sentBack} /></Col>
          </>
        ) : null}
        <Col span={6}><Statistic title="待审核" value={count("submitted")} /></Col>
        {reviewer ? <Col span={6}><Statistic title="待发布" value={count("approved")} /></Col> : null}
        <Col span={6}><Statistic title="已发布" value={count("published")} /></Col>
      </Row>
    </Card>
  );
}
