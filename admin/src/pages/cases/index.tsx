import { useCallback, useMemo, useState } from "react";
import { useSearchParams } from "react-router-dom";
import { App as AntApp, Button, Drawer, Flex, Select, Space, Tabs, Tag, Typography } from "antd";
import {
  caseFlagLabels,
  caseFlags,
  caseLevelLabels,
  caseLevels,
  caseSourceLabels,
  caseStatusLabels,
  caseStatuses,
  type CaseFlag,
  type CaseLevel,
  type CaseStatus,
  type CaseSummaryView,
} from "@xinyuan/shared";
import { PageContainer } from "../../components/PageContainer";
import { ServerTable } from "../../components/serverTable/ServerTable";
import { useServerTable } from "../../components/serverTable/useServerTable";
import { useSession } from "../../session/useSession";
import { access } from "../../access";
import { useServerEvent } from "../../realtime/useRealtime";
import { downloadLedger, listCases } from "./service";
import { CaseDetail } from "./components/CaseDetail";
import { CaseSettings } from "./components/CaseSettings";
import { levelColor } from "./components/caseColors";
import { formatCountyTime } from "../../countyTime";

interface Filters {
  status?: CaseStatus | "active";
  level?: CaseLevel;
  mine?: "1";
  unowned?: "1";
  flag?: CaseFlag;
}

/** 危机个案: the cases the reader may follow, most urgent first; a case opens in a drawer (?case=<id>). */
export default function CasesPage() {
  const session = useSession();
  const rights = access(session?.staff);
  const { message } = AntApp.useApp();
  const [params, setParams] = useSearchParams();
  const openId = params.get("case");
  const [filters, setFilters] = useState<Filters>({ status: "active" });
  const load = useCallback((query: Parameters<typeof listCases>[0]) => listCases(query), []);
  const table = useServerTable<CaseSummaryView, Filters>(load, filters);
  useServerEvent("changed", (notice) => {
    if (notice.resource === "case") table.reload();
  });
  const open = (id: string | null) => setParams(id ? { case: id } : {});
  const canExport = session?.staff.roles.some((role) => role === "supervisor" || role === "centre_admin") ?? false;

  const columns = useMemo(
    () => [
      { title: "编号", dataIndex: "number", width: 80 },
      { title: "对象", dataIndex: "subjectAlias", render: (alias: string) => <Typography.Text strong>{alias}</Typography.Text> },
      { title: "等级", dataIndex: "level", width: 80, render: (level: CaseLevel) => <Tag color={levelColor[level]}>{caseLevelLabels[level]}</Tag> },
      { title: "状态", dataIndex: "status", width: 90, render: (status: CaseStatus) => caseStatusLabels[status] },
      {
        title: "负责人",
        dataIndex: "ownerName",
        render: (name: string | null, row: CaseSummaryView) => (name ? name : row.status === "closed" ? "—" : <Tag color="red">待认领</Tag>),
      },
      { title: "学校", dataIndex: "schoolName", render: (name: string | null) => name ?? "未知" },
      { title: "重点关注", dataIndex: "flags", render: (flags: CaseFlag[]) => flags.map((flag) => <Tag key={flag}>{caseFlagLabels[flag]}</Tag>) },
      { title: "下次跟进", dataIndex: "nextFollowUpOn", render: (date: string | null) => date ?? "未约定" },
      { title: "发现途径", dataIndex: "source", render: (source: CaseSummaryView["source"]) => caseSourceLabels[source] },
      { title: "建档", dataIndex: "openedAt", render: (at: string) => formatCountyTime(at, "YYYY/M/D HH:mm:ss") },
    ],
    [],
  );

  const list = (
    <Flex vertical gap={12}>
      <Space wrap>
        <Select<Filters["status"]>
          style={{ width: 140 }}
          value={filters.status}
          onChange={(status) => setFilters({ ...filters, status })}
          options={[{ value: "active", label: "未结案" }, ...caseStatuses.map((status) => ({ value: status, label: caseStatusLabels[status] }))]}
          allowClear
          placeholder="全部状态"
          aria-label="状态"
        />
        <Select<CaseLevel>
          style={{ width: 120 }}
          value={filters.level}
          onChange={(level) => setFilters({ ...filters, level })}
          options={caseLevels.map((level) => ({ value: level, label: caseLevelLabels[level] }))}
          allowClear
          placeholder="全部等级"
          aria-label="等级"
        />
        <Select<CaseFlag>
          style={{ width: 140 }}
          value={filters.flag}
          onChange={(flag) => setFilters({ ...filters, flag })}
          options={caseFlags.map((flag) => ({ value: flag, label: caseFlagLabels[flag] }))}
          allowClear
          placeholder="重点关注类别"
          aria-label="重点关注类别"
        />
        <Button type={filters.mine ? "primary" : "default"} onClick={() => setFilters({ ...filters, mine: filters.mine ? undefined : "1", unowned: undefined })}>
          我负责的
        </Button>
        <Button type={filters.unowned ? "primary" : "default"} danger={!!filters.unowned} onClick={() => setFilters({ ...filters, unowned: filters.unowned ? undefined : "1", mine: undefined })}>
          待认领
        </Button>
      </Space>
      <ServerTable<CaseSummaryView>
        table={table}
        columns={columns}
        emptyDescription="没有符合条件的个案。高风险或需要跟进的咨询记录会自动在这里建档。"
        onRow={(row) => ({ onClick: () => open(row.id), style: { cursor: "pointer" }, "data-testid": `case-row-${row.number}` } as React.HTMLAttributes<HTMLElement>)}
      />
    </Flex>
  );

  return (
    <PageContainer
      title="危机个案"
      description="预防、预警、干预、转介：每一个高风险的孩子都要有人负责、按时跟进。"
      extra={
        canExport ? (
          <Button onClick={() => void downloadLedger().catch((error: Error) => message.error(error.message))}>导出高风险台账（CSV）</Button>
        ) : null
      }
    >
      {rights.canManageSettings ? (
        <Tabs
          items={[
            { key: "cases", label: "个案", children: list },
            { key: "settings", label: "转介机构、检查项与重点时段", children: <CaseSettings /> },
          ]}
        />
      ) : (
        list
      )}
      <Drawer open={openId !== null} onClose={() => open(null)} width={860} title="个案详情" destroyOnClose>
        {openId ? <CaseDetail caseId={openId} onChanged={table.reload} /> : null}
      </Drawer>
    </PageContainer>
  );
}
