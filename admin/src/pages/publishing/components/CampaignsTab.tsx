import { useState } from "react";
import { Button, DatePicker, Form, Input, Modal, Switch, Table, Tag } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import type { CampaignView } from "@xinyuan/shared";
import { LoadFailed } from "../../../components/LoadFailed";
import type { AsyncState } from "../../../hooks/useAsync";
import { saveCampaign } from "../service";
import { UploadField, type UploadedFile } from "../../../components/upload/UploadField";
import { uploadIdOf } from "../../../components/upload/uploadService";
import { countyInstantOfPicked, countyPickerValue, countyToday, formatCountyTime } from "../../../countyTime";

interface CampaignForm {
  title: string;
  theme?: string;
  dates: [Dayjs, Dayjs];
  takeoverHome: boolean;
  banner?: UploadedFile | null;
}

const bannerOf = (campaign: CampaignView): UploadedFile | null => {
  const id = uploadIdOf(campaign.bannerUrl);
  return id && campaign.bannerUrl ? { id, url: campaign.bannerUrl } : null;
};

/** Campaigns: the May Mental Health Month and other key periods; one may take over the app's home. */
export function CampaignsTab({ campaigns, canManage }: { campaigns: AsyncState<CampaignView[]>; canManage: boolean }) {
  const [editing, setEditing] = useState<CampaignView | "new" | null>(null);
  const [form] = Form.useForm<CampaignForm>();
  const open = (campaign: CampaignView | "new") => {
    setEditing(campaign);
    form.setFieldsValue(
      campaign === "new"
        ? { title: "", theme: "", dates: [dayjs(countyToday()).startOf("month"), dayjs(countyToday()).endOf("month")], takeoverHome: true, banner: null }
        : { title: campaign.title, theme: campaign.theme, dates: [countyPickerValue(campaign.startsAt), countyPickerValue(campaign.endsAt)], takeoverHome: campaign.takeoverHome, banner: bannerOf(campaign) },
    );
  };
  const submit = async (values: CampaignForm) => {
    await saveCampaign({ title: values.title, theme: values.theme ?? "", startsAt: countyInstantOfPicked(values.dates[0]), endsAt: countyInstantOfPicked(values.dates[1]), takeoverHome: values.takeoverHome, bannerUploadId: values.banner?.id }, editing === "new" || !editing ? undefined : editing.id);
    setEditing(null);
    campaigns.reload();
  };
  if (campaigns.error) return <LoadFailed error={campaigns.error} onRetry={campaigns.reload} />;
  const now = Date.now();
  return (
    <>
      {canManage ? (
        <Button type="primary" style={{ marginBottom: 12 }} onClick={() => open("new")}>
          新建主题活动
        </Button>
      ) : null}
      <Table
        rowKey="id"
        loading={campaigns.loading}
        dataSource={campaigns.data ?? []}
        locale={{ emptyText: "还没有主题活动。五月心理健康月可以从这里开始。" }}
        onRow={(campaign) => ({ onClick: () => canManage && open(campaign) })}
        columns={[
          { title: "横幅", dataIndex: "bannerUrl", width: 96, render: (url: string | null) => (url ? <img src={url} alt="横幅" style={{ height: 32, borderRadius: 4 }} /> : "—") },
          { title: "名称", dataIndex: "title" },
          { title: "主题", dataIndex: "theme" },
          { title: "时间", render: (_, campaign) => `${formatCountyTime(campaign.startsAt, "YYYY-MM-DD")} 至 ${formatCountyTime(campaign.endsAt, "YYYY-MM-DD")}` },
          {
            title: "状态",
            render: (_, campaign) =>
              Date.parse(campaign.startsAt) <= now && Date.parse(campaign.endsAt) > now ? <Tag color="green">进行中{campaign.takeoverHome ? " · 占据小程序首页" : ""}</Tag> : Date.parse(campaign.startsAt) > now ? <Tag>未开始</Tag> : <Tag>已结束</Tag>,
          },
        ]}
      />
      <Modal open={editing !== null} title={editing === "new" ? "新建主题活动" : "修改主题活动"} onCancel={() => setEditing(null)} onOk={() => form.submit()} okText="保存">
        <Form form={form} layout="vertical" onFinish={(values) => void submit(values).catch(() => undefined)}>
          <Form.Item name="title" label="名称" rules={[{ required: true, message: "请填写名称" }]}>
            <Input placeholder="例如：2027 年五月心理健康月" />
          </Form.Item>
          <Form.Item name="theme" label="主题">
            <Input placeholder="例如：悦纳自我，温暖同行" />
          </Form.Item>
          <Form.Item name="dates" label="起止时间" rules={[{ required: true }]}>
            <DatePicker.RangePicker showTime={{ format: "HH:mm" }} format="YYYY-MM-DD HH:mm" />
          </Form.Item>
          <Form.Item name="banner" label="横幅图（小程序首页和活动页顶部，建议横向图片）">
            <UploadField kind="image" label="横幅" />
          </Form.Item>
          <Form.Item name="takeoverHome" label="活动期间占据小程序首页" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
