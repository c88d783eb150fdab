import { useState } from "react";
import { App as AntApp, Button, Card, Flex, Input, InputNumber, List, Popconfirm, Select, Space, Switch, Tag, Typography } from "antd";
import { caseLevelLabels, caseLevels, keyPeriodKindLabels, keyPeriodKinds, type CaseLevel, type KeyPeriodKind } from "@xinyuan/shared";
import { useAsync } from "../../../hooks/useAsync";
import { LoadFailed } from "../../../components/LoadFailed";
import * as api from "../service";
import { SchoolPlanEditor } from "./SchoolPlanEditor";

/** The county centre's case settings: referral institutions, the emergency checklist per level, key periods. */
export function CaseSettings() {
  const { message } = AntApp.useApp();
  const institutions = useAsync(() => api.listInstitutions(), []);
  const items = useAsync(() => api.listChecklistItems(), []);
  const periods = useAsync(() => api.listKeyPeriods(), []);
  const [institution, setInstitution] = useState({ name: "", phone: "", address: "" });
  const [item, setItem] = useState<{ level: CaseLevel; label: string }>({ level: "crisis", label: "" });
  const [period, setPeriod] = useState<{ name: string; kind: KeyPeriodKind; startsOn: string; endsOn: string; remindDaysBefore: number }>({ name: "", kind: "exam", startsOn: "", endsOn: "", remindDaysBefore: 3 });
  const saved = () => message.success("已保存");

  return (
    <Flex vertical gap={16}>
      <Card size="small" title="转介机构名录">
        {institutions.error ? <LoadFailed error={institutions.error} onRetry={institutions.reload} /> : null}
        <List
          loading={institutions.loading}
          dataSource={institutions.data ?? []}
          locale={{ emptyText: "还没有转介机构" }}
          renderItem={(row) => (
            <List.Item
              actions={[
                <Switch
                  key="active"
                  checked={row.active}
                  checkedChildren="启用"
                  unCheckedChildren="停用"
                  onChange={(active) => void api.updateInstitution(row.id, { ...row, kind: row.kind as "hospital", active }).then(() => institutions.reload()).catch(() => undefined)}
                />,
              ]}
            >
              {row.name} <Typography.Text type="secondary">{[row.phone, row.address].filter(Boolean).join(" · ")}</Typography.Text>
            </List.Item>
          )}
        />
        <Space wrap>
          <Input placeholder="机构名称" value={institution.name} onChange={(e) => setInstitution({ ...institution, name: e.target.value })} aria-label="机构名称" />
          <Input placeholder="电话" value={institution.phone} onChange={(e) => setInstitution({ ...institution, phone: e.target.value })} aria-label="机构电话" />
          <Input placeholder="地址" value={institution.address} onChange={(e) => setInstitution({ ...institution, address: e.target.value })} aria-label="机构地址" />
          <Button
            disabled={!institution.name.trim()}
            onClick={() =>
              void api
                .createInstitution({ ...institution, kind: "hospital", active: true })
                .then(() => {
                  setInstitution({ name: "", phone: "", address: "" });
                  institutions.reload();
                  saved();
                })
                .catch(() => undefined)
            }
          >
            添加机构
          </Button>
        </Space>
      </Card>

      <Card size="small" title="应急检查清单（按等级）">
        {items.error ? <LoadFailed error={items.error} onRetry={items.reload} /> : null}
        {caseLevels.map((level) => (
          <div key={level} style={{ marginBottom: 8 }}>
            <Tag>{caseLevelLabels[level]}</Tag>
            {(items.data ?? [])
              .filter((row) => row.level === level)
              .map((row) => (
                <div key={row.id} style={{ marginLeft: 16 }}>
                  <Typography.Text delete={!row.active}>{row.label}</Typography.Text>{" "}
                  <Button size="small" type="link" onClick={() => void api.updateChecklistItem(row.id, { level: row.level, label: row.label, sortOrder: row.sortOrder, active: !row.active }).then(() => items.reload()).catch(() => undefined)}>
                    {row.active ? "停用" : "启用"}
                  </Button>
                </div>
              ))}
          </div>
        ))}
        <Space wrap>
          <Select<CaseLevel> style={{ width: 100 }} value={item.level} onChange={(level) => setItem({ ...item, level })} options={caseLevels.map((level) => ({ value: level, label: caseLevelLabels[level] }))} aria-label="检查项等级" />
          <Input style={{ width: 320 }} placeholder="检查项，如：确认学生当前是否安全" value={item.label} onChange={(e) => setItem({ ...item, label: e.target.value })} aria-label="检查项" />
          <Button
            disabled={!item.label.trim()}
            onClick={() =>
              void api
                .createChecklistItem({ ...item, sortOrder: 100, active: true })
                .then(() => {
                  setItem({ ...item, label: "" });
                  items.reload();
                  saved();
                })
                .catch(() => undefined)
            }
          >
            添加
          </Button>
        </Space>
      </Card>

      <Card size="small" title="重点时段日历（考试、开学、假期前后、毕业）">
        {periods.error ? <LoadFailed error={periods.error} onRetry={periods.reload} /> : null}
        <List
          loading={periods.loading}
          dataSource={periods.data ?? []}
          locale={{ emptyText: "还没有设置重点时段" }}
          renderItem={(row) => (
            <List.Item
              actions={[
                <Popconfirm key="delete" title="删除这个重点时段？" onConfirm={() => void api.deleteKeyPeriod(row.id).then(() => periods.reload()).catch(() => undefined)}>
                  <Button size="small" type="link" danger>
                    删除
                  </Button>
                </Popconfirm>,
              ]}
            >
              <Tag>{keyPeriodKindLabels[row.kind]}</Tag>
              {row.name} {row.startsOn} 至 {row.endsOn}（提前 {row.remindDaysBefore} 天提醒）
            </List.Item>
          )}
        />
        <Space wrap>
          <Input style={{ width: 160 }} placeholder="名称，如：期末考试" value={period.name} onChange={(e) => setPeriod({ ...period, name: e.target.value })} aria-label="时段名称" />
          <Select<KeyPeriodKind> style={{ width: 110 }} value={period.kind} onChange={(kind) => setPeriod({ ...period, kind })} options={keyPeriodKinds.map((kind) => ({ value: kind, label: keyPeriodKindLabels[kind] }))} aria-label="时段类型" />
          <Input type="date" value={period.startsOn} onChange={(e) => setPeriod({ ...period, startsOn: e.target.value })} aria-label="开始日期" />
          <Input type="date" value={period.endsOn} onChange={(e) => setPeriod({ ...period, endsOn: e.target.value })} aria-label="结束日期" />
          <InputNumber min={0} max={30} value={period.remindDaysBefore} onChange={(value) => setPeriod({ ...period, remindDaysBefore: value ?? 3 })} addonAfter="天前提醒" />
          <Button
            disabled={!period.name.trim() || !period.startsOn || !period.endsOn}
            onClick={() =>
              void api
                .createKeyPeriod(period)
                .then(() => {
                  setPeriod({ ...period, name: "", startsOn: "", endsOn: "" });
                  periods.reload();
                  saved();
                })
                .catch(() => undefined)
            }
          >
            添加时段
          </Button>
        </Space>
      </Card>

      <SchoolPlanEditor />
    </Flex>
  );
}
