import { Button, Card, DatePicker, Form, Input, InputNumber, Table } from "antd";
import type { Dayjs } from "dayjs";
import { LoadFailed } from "../../../components/LoadFailed";
import { useAsync } from "../../../hooks/useAsync";
import { activityOverview, createActivityReport, listActivityReports } from "../service";

/**
 * May activity reports. School staff report what they ran (what, when, how many took part); the county
 * sees every school's month at a glance, schools that have not reported included.
 */
export function ReportsTab({ county, canReport }: { county: boolean; canReport: boolean }) {
  const reports = useAsync(listActivityReports, []);
  const overview = useAsync(() => (county ? activityOverview() : Promise.resolve([])), [county]);
  const [form] = Form.useForm<{ title: string; heldOn: Dayjs; participants: number; description?: string }>();
  return (
    <>
      {canReport ? (
        <Card title="上报本校活动" style={{ marginBottom: 16 }}>
          <Form
            form={form}
            layout="inline"
            onFinish={(values) =>
              void createActivityReport({ title: values.title, heldOn: values.heldOn.format("YYYY-MM-DD"), participants: values.participants, description: values.description ?? "", photoUploadIds: [] })
                .then(() => {
                  form.resetFields();
                  reports.reload();
                })
                .catch(() => undefined)
            }
          >
            <Form.Item name="title" rules={[{ required: true, message: "请填写活动名称" }]}>
              <Input placeholder="活动名称，如心理健康主题班会" />
            </Form.Item>
            <Form.Item name="heldOn" rules={[{ required: true, message: "请选择日期" }]}>
              <DatePicker placeholder="活动日期" />
            </Form.Item>
            <Form.Item name="participants" rules={[{ required: true, message: "请填写人数" }]}>
              <InputNumber min={0} placeholder="参与人数" />
            </Form.Item>
            <Form.Item name="description">
              <Input placeholder="简要说明（选填）" />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              上报
            </Button>
          </Form>
        </Card>
      ) : null}
      {county ? (
        <Card title="全县各校宣传月概览" style={{ marginBottom: 16 }}>
          {overview.error ? (
            <LoadFailed error={overview.error} onRetry={overview.reload} />
          ) : (
            <Table
              size="small"
              rowKey="schoolId"
              loading={overview.loading}
              dataSource={overview.data ?? []}
              columns={[
                { title: "片区", dataIndex: "areaName" },
                { title: "学校", dataIndex: "schoolName" },
                { title: "上报活动", dataIndex: "reports", sorter: (a, b) => a.reports - b.reports },
                { title: "参与人次", dataIndex: "participants", sorter: (a, b) => a.participants - b.participants },
                { title: "最近活动", dataIndex: "lastHeldOn", render: (value: string | null) => value ?? "尚未上报" },
              ]}
            />
          )}
        </Card>
      ) : null}
      <Card title="活动上报">
        {reports.error ? (
          <LoadFailed error={reports.error} onRetry={reports.reload} />
        ) : (
          <Table
            size="small"
            rowKey="id"
            loading={reports.loading}
            dataSource={reports.data ?? []}
            locale={{ emptyText: "还没有上报的活动" }}
            columns={[
              { title: "学校", dataIndex: "schoolName" },
              { title: "活动", dataIndex: "title" },
              { title: "日期", dataIndex: "heldOn" },
              { title: "参与人数", dataIndex: "participants" },
              { title: "说明", dataIndex: "description" },
            ]}
          />
        )}
      </Card>
    </>
  );
}
