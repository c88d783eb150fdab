import { useState } from "react";
import { Alert, Button, Empty, Flex, Form, Input, List, Select, Space, Tag, Typography } from "antd";
import { alertOutcomeLabels, alertOutcomes, alertSourceLabels, alertStateLabels, riskLevelLabels, riskSignalCategoryLabels, type AlertOutcome, type AlertView } from "@xinyuan/shared";
import { acknowledgeAlert, handleAlert } from "./alertService";

const levelColours: Record<string, string> = { imminent: "red", high: "volcano", medium: "orange", low: "gold", none: "default" };

function minutesAgo(iso: string): string {
  const minutes = Math.max(0, Math.round((Date.now() - new Date(iso).getTime()) / 60_000));
  return minutes < 1 ? "刚刚" : `${minutes} 分钟前`;
}

/** One alert with what can be done now: acknowledge ("我来处理"), open its source, mark it handled. */
function AlertItem({ alert, focused, onChanged, onOpenSource }: { alert: AlertView; focused: boolean; onChanged: () => void; onOpenSource: (alert: AlertView) => void }) {
  const [busy, setBusy] = useState(false);
  const [handling, setHandling] = useState(false);
  const [form] = Form.useForm<{ outcome: AlertOutcome; note: string }>();
  const run = (work: () => Promise<unknown>) => {
    setBusy(true);
    work()
      .then(() => onChanged())
      .catch(() => onChanged())
      .finally(() => setBusy(false));
  };
  const categories = alert.categories.map((category) => riskSignalCategoryLabels[category]).join("、");
  return (
    <List.Item data-testid={`alert-${alert.id}`} style={focused ? { background: "#fff7e6" } : undefined}>
      <Flex vertical gap={6} style={{ width: "100%" }}>
        <Flex gap={8} align="center" wrap>
          <Tag color={levelColours[alert.level]}>{riskLevelLabels[alert.level]}</Tag>
          <Typography.Text strong>{alert.subjectAlias}</Typography.Text>
          <Typography.Text type="secondary">
            {alertSourceLabels[alert.source.kind]}
            {categories ? ` · ${categories}` : ""} · {minutesAgo(alert.createdAt)}
          </Typography.Text>
          <Tag>{alertStateLabels[alert.state]}</Tag>
          {alert.escalatedAt && alert.state === "new" ? <Tag color="red">已升级提醒</Tag> : null}
        </Flex>
        {alert.nobodyOnDuty ? <Alert type="error" showIcon message="发出预警时没有任何老师或督导在岗。" /> : null}
        {alert.acknowledgedByName ? <Typography.Text type="secondary">{alert.acknowledgedByName} 已确认处理</Typography.Text> : null}
        <Space wrap>
          {alert.state === "new" ? (
            <Button type="primary" danger loading={busy} onClick={() => run(() => acknowledgeAlert(alert.id))} data-testid="acknowledge-alert">
              我来处理
            </Button>
          ) : null}
          {alert.source.kind === "chat" || alert.source.kind === "hotline" ? <Button onClick={() => onOpenSource(alert)}>打开来源</Button> : null}
          {alert.state === "acknowledged" && !handling ? <Button onClick={() => setHandling(true)}>标记已处理</Button> : null}
        </Space>
        {handling ? (
          <Form form={form} layout="vertical" onFinish={(values) => run(() => handleAlert(alert.id, values).then(() => setHandling(false)))}>
            <Form.Item name="outcome" label="处理结果" rules={[{ required: true, message: "请选择处理结果" }]}>
              <Select options={alertOutcomes.map((outcome) => ({ value: outcome, label: alertOutcomeLabels[outcome] }))} />
            </Form.Item>
            <Form.Item name="note" label="处理说明" rules={[{ required: true, message: "请写一句处理说明" }]}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" loading={busy}>
                保存
              </Button>
              <Button onClick={() => setHandling(false)}>取消</Button>
            </Space>
          </Form>
        ) : null}
      </Flex>
    </List.Item>
  );
}

/** The open alerts (or all), most urgent first, as the server orders them. */
export function AlertList(props: { alerts: AlertView[]; loaded: boolean; failed: boolean; focusId?: string | null; onChanged: () => void; onOpenSource: (alert: AlertView) => void }) {
  if (props.failed && !props.loaded) return <Alert type="warning" showIcon message="预警列表暂时没有加载出来，正在重试。" />;
  return (
    <List
      loading={!props.loaded}
      dataSource={props.alerts}
      locale={{ emptyText: <Empty description="现在没有待处理的风险预警" /> }}
      renderItem={(alert) => <AlertItem key={alert.id} alert={alert} focused={alert.id === props.focusId} onChanged={props.onChanged} onOpenSource={props.onOpenSource} />}
    />
  );
}
