import { Card, List, Tag, Typography } from "antd";
import { useNavigate } from "react-router-dom";
import { caseLevelLabels, type FollowUpDueView } from "@xinyuan/shared";
import { useAsync } from "../../../hooks/useAsync";
import { call } from "../../../request";
import { apiRoutes } from "@xinyuan/shared";

/** 今日待跟进: the reader's cases due today or overdue, and key periods under way, shown at sign-in. */
export function FollowUpCard() {
  const navigate = useNavigate();
  const due = useAsync(() => call<typeof apiRoutes.dueFollowUps, FollowUpDueView>(apiRoutes.dueFollowUps, { policy: "silent" }), []);
  return (
    <Card size="small" title="今日待跟进个案" data-testid="follow-up-card">
      {due.error ? <Typography.Text type="secondary">待跟进个案没能加载出来，可以稍后刷新。</Typography.Text> : null}
      {due.data?.keyPeriods.map((period) => (
        <div key={period.id}>
          <Tag color="purple">重点时段</Tag>
          {period.name}（{period.startsOn} 至 {period.endsOn}），请主动联系你跟进的学生。
        </div>
      ))}
      <List
        loading={due.loading}
        dataSource={due.data?.items ?? []}
        locale={{ emptyText: "今天没有到期的跟进。" }}
        renderItem={(item) => (
          <List.Item style={{ cursor: "pointer" }} onClick={() => navigate(`/crisis?case=${item.id}`)}>
            <span>
              {item.subjectAlias} <Tag>{caseLevelLabels[item.level]}</Tag>
              {item.overdue ? <Tag color="red">已逾期（{item.nextFollowUpOn}）</Tag> : <Tag color="blue">今天</Tag>}
            </span>
          </List.Item>
        )}
      />
    </Card>
  );
}
