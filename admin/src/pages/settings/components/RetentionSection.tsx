import { useState } from "react";
import { Alert, App, Button, Empty, Flex, InputNumber, Space, Switch, Table, Typography } from "antd";
import { retentionKindInfo, type RetentionKind, type RetentionView } from "@xinyuan/shared";
import { useAsync } from "../../../hooks/useAsync";
import { useSubmit } from "../../../hooks/useSubmit";
import { LoadingBlock } from "../../../components/LoadingBlock";
import { LoadFailed } from "../../../components/LoadFailed";
import { getRetention, runRetentionDryRun, updateRetention } from "../service";
import { formatCountyTime } from "../../../countyTime";

const when = (iso: string) => formatCountyTime(iso, "YYYY/M/D HH:mm:ss");

/**
 * 保存期限: the period of each kind of record, a dry run that only counts, and which kinds the daily pass
 * erases. A kind can be switched on only after a dry run at its current period (the server insists too).
 */
export function RetentionSection() {
  const retention = useAsync(getRetention, []);
  const [days, setDays] = useState<Partial<Record<RetentionKind, number>>>({});
  const { message } = App.useApp();

  const dryRun = useSubmit(async () => {
    retention.setData(await runRetentionDryRun());
    void message.success("预览完成：以下数字是按当前期限会清除的条数，没有改动任何内容");
  });
  const save = useSubmit(async (kind: RetentionKind, next: { days: number; enabled: boolean }) => {
    retention.setData(await updateRetention({ kinds: [{ kind, ...next }] }));
    setDays((current) => ({ ...current, [kind]: undefined }));
    void message.success("已保存");
  });

  if (retention.error) return <LoadFailed error={retention.error} onRetry={retention.reload} />;
  if (!retention.data) return <LoadingBlock />;
  const view: RetentionView = retention.data;

  return (
    <Space direction="vertical" size={16} style={{ width: "100%" }}>
      <Alert
        type="info"
        showIcon
        message="到期的记录只清除文字内容，保留时间、次数、风险等级等统计数字，统计报表不会因此变化。与未结案危机个案有关的记录一律不清除。"
      />
      <Flex justify="space-between" align="center">
        <Typography.Text type="secondary">每天凌晨 3 点后自动运行一次，只处理已启用的类别。启用前请先预览。</Typography.Text>
        <Button onClick={() => void dryRun.run()} loading={dryRun.busy}>
          预览：按当前期限会清除多少
        </Button>
      </Flex>
      <Table
        rowKey="kind"
        pagination={false}
        dataSource={view.kinds}
        columns={[
          { title: "记录类别", dataIndex: "label", render: (label: string, row) => <Space direction="vertical" size={0}><Typography.Text strong>{label}</Typography.Text><Typography.Text type="secondary">{row.erases}</Typography.Text></Space> },
          {
            title: "保存期限（天）",
            width: 200,
            render: (_, row) => (
              <Space>
                <InputNumber min={30} max={10950} value={days[row.kind] ?? row.days} onChange={(value) => setDays((current) => ({ ...current, [row.kind]: value ?? undefined }))} aria-label={`${row.label}保存天数`} />
                {days[row.kind] !== undefined && days[row.kind] !== row.days ? (
                  <Button size="small" loading={save.busy} onClick={() => void save.run(row.kind, { days: days[row.kind]!, enabled: false })}>
                    保存
                  </Button>
                ) : null}
              </Space>
            ),
          },
          { title: "默认", width: 90, render: (_, row) => `${retentionKindInfo[row.kind].defaultDays} 天` },
          { title: "最近预览", width: 200, render: (_, row) => (row.lastDryRun ? `${row.lastDryRun.count} 条（${when(row.lastDryRun.at)}）` : <Typography.Text type="secondary">还没有按这个期限预览</Typography.Text>) },
          {
            title: "自动清除",
            width: 110,
            render: (_, row) => (
              <Switch
                checked={row.enabled}
                disabled={!row.enabled && !row.lastDryRun}
                loading={save.busy}
                onChange={(enabled) => void save.run(row.kind, { days: row.days, enabled })}
                aria-label={`自动清除${row.label}`}
              />
            ),
          },
        ]}
      />
      <Typography.Title level={5}>最近的运行</Typography.Title>
      {view.runs.length === 0 ? (
        <Empty description="还没有预览或清除过" />
      ) : (
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={view.runs}
          columns={[
            { title: "时间", dataIndex: "startedAt", render: when },
            { title: "类型", dataIndex: "mode", render: (mode: string) => (mode === "erase" ? "清除" : "预览") },
            { title: "条数", dataIndex: "counts", render: (counts: RetentionView["runs"][number]["counts"]) => Object.entries(counts).map(([kind, n]) => `${retentionKindInfo[kind as RetentionKind].label} ${n}`).join("，") || "无" },
          ]}
        />
      )}
    </Space>
  );
}
