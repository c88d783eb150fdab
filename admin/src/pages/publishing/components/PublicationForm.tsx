import { useEffect, useState } from "react";
import { Button, Checkbox, DatePicker, Form, Input, InputNumber, Radio, Select, Space } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import {
  apiRoutes,
  audienceRoleLabels,
  audienceRoles,
  materialAudienceLabels,
  materialAudiences,
  publicationKindLabels,
  publicationKinds,
  schoolStageLabels,
  schoolStages,
  type CampaignView,
  type Page,
  type PublicationKind,
  type PublicationStaffView,
  type SchoolView,
} from "@xinyuan/shared";
import { call } from "../../../request";
import { RichTextEditor } from "./RichTextEditor";
import { UploadField, type UploadedFile } from "../../../components/upload/UploadField";
import { uploadIdOf } from "../../../components/upload/uploadService";
import type { PublicationInput } from "../service";
import { countyInstantOfPicked, countyPickerValue } from "../../../countyTime";

interface FormValues {
  kind: PublicationKind;
  title: string;
  summary?: string;
  bodyHtml?: string;
  cover?: UploadedFile | null;
  /** A video is an uploaded file or a link to a video platform. */
  videoSource: "upload" | "link";
  videoUpload?: UploadedFile | null;
  videoUrl?: string;
  materialFor?: (typeof materialAudiences)[number];
  campaignId?: string;
  roles: Array<(typeof audienceRoles)[number]>;
  stages: Array<(typeof schoolStages)[number]>;
  scope: "county" | "area" | "schools";
  schoolIds: string[];
  eventTime?: [Dayjs, Dayjs];
  signupWindow?: [Dayjs, Dayjs];
  place?: string;
  onlineUrl?: string;
  capacity?: number;
}

function initialValues(item: PublicationStaffView | null): FormValues {
  if (!item) return { kind: "article", title: "", videoSource: "upload", roles: [], stages: [], scope: "county", schoolIds: [] };
  const uploadedVideo = uploadIdOf(item.videoUrl);
  const coverId = uploadIdOf(item.coverUrl);
  return {
    kind: item.kind,
    title: item.title,
    summary: item.summary,
    bodyHtml: item.bodyHtml,
    cover: coverId && item.coverUrl ? { id: coverId, url: item.coverUrl } : null,
    videoSource: item.videoUrl && !uploadedVideo ? "link" : "upload",
    videoUpload: uploadedVideo && item.videoUrl ? { id: uploadedVideo, url: item.videoUrl } : null,
    videoUrl: item.videoUrl && !uploadedVideo ? item.videoUrl : undefined,
    materialFor: item.materialFor ?? undefined,
    campaignId: item.campaignId ?? undefined,
    roles: item.audience.roles,
    stages: item.audience.stages,
    scope: item.audience.scope,
    schoolIds: item.audience.schoolIds,
    eventTime: item.event ? [countyPickerValue(item.event.startsAt), countyPickerValue(item.event.endsAt)] : undefined,
    signupWindow: item.event ? [countyPickerValue(item.event.signupOpensAt), countyPickerValue(item.event.signupClosesAt)] : undefined,
    place: item.event?.place,
    onlineUrl: item.event?.onlineUrl ?? undefined,
    capacity: item.event?.capacity,
  };
}

function toInput(values: FormValues, areaIds: string[]): PublicationInput {
  return {
    kind: values.kind,
    title: values.title,
    summary: values.summary ?? "",
    bodyHtml: values.bodyHtml ?? "",
    coverUploadId: values.cover?.id,
    videoUrl: values.kind === "video" && values.videoSource === "link" && values.videoUrl ? values.videoUrl : undefined,
    videoUploadId: values.kind === "video" && values.videoSource === "upload" ? values.videoUpload?.id : undefined,
    materialFor: values.kind === "material" ? values.materialFor : undefined,
    campaignId: values.campaignId || undefined,
    audience: { roles: values.roles, stages: values.stages, scope: values.scope, areaIds, schoolIds: values.scope === "schools" ? values.schoolIds : [] },
    event:
      values.kind === "event" && values.eventTime && values.signupWindow
        ? {
            startsAt: countyInstantOfPicked(values.eventTime[0]),
            endsAt: countyInstantOfPicked(values.eventTime[1]),
            place: values.place ?? "",
            onlineUrl: values.onlineUrl || undefined,
            capacity: values.capacity ?? 1,
            signupOpensAt: countyInstantOfPicked(values.signupWindow[0]),
            signupClosesAt: countyInstantOfPicked(values.signupWindow[1]),
          }
        : undefined,
  };
}

/** Writing or editing one piece: kind, text, audience, campaign, and an event's time, place and places. */
export function PublicationForm({ item, campaigns, onSave, busy }: { item: PublicationStaffView | null; campaigns: CampaignView[]; onSave: (input: PublicationInput) => void; busy: boolean }) {
  const [form] = Form.useForm<FormValues>();
  const kind = Form.useWatch("kind", form);
  const scope = Form.useWatch("scope", form);
  const videoSource = Form.useWatch("videoSource", form);
  const [schools, setSchools] = useState<SchoolView[]>([]);
  useEffect(() => {
    void call<typeof apiRoutes.listSchools, Page<SchoolView>>(apiRoutes.listSchools, { query: { pageSize: 100 }, policy: "silent" })
      .then((page) => setSchools(page.items))
      .catch(() => undefined);
  }, []);
  useEffect(() => form.setFieldsValue(initialValues(item)), [form, item]);

  return (
    <Form form={form} layout="vertical" initialValues={initialValues(item)} onFinish={(values) => onSave(toInput(values, item?.audience.areaIds ?? []))}>
      <Form.Item name="kind" label="类型" rules={[{ required: true }]}>
        <Radio.Group options={publicationKinds.map((value) => ({ value, label: publicationKindLabels[value] }))} optionType="button" />
      </Form.Item>
      <Form.Item name="title" label="标题" rules={[{ required: true, message: "请填写标题" }, { max: 80 }]}>
        <Input placeholder="例如：五月，和情绪做朋友" />
      </Form.Item>
      <Form.Item name="summary" label="摘要">
        <Input.TextArea rows={2} maxLength={200} showCount />
      </Form.Item>
      <Form.Item name="cover" label="封面图（可选）">
        <UploadField kind="image" label="封面图" />
      </Form.Item>
      {kind === "video" ? (
        <>
          <Form.Item name="videoSource" label="视频来源">
            <Radio.Group options={[{ value: "upload", label: "上传视频文件" }, { value: "link", label: "填写视频平台链接" }]} />
          </Form.Item>
          {videoSource === "link" ? (
            <Form.Item name="videoUrl" label="视频链接（https://）" rules={[{ required: true, message: "请填写视频链接" }]}>
              <Input placeholder="https://…" />
            </Form.Item>
          ) : (
            <Form.Item name="videoUpload" label="视频文件" rules={[{ required: true, message: "请上传视频文件" }]}>
              <UploadField kind="video" label="视频" />
            </Form.Item>
          )}
        </>
      ) : null}
      {kind === "material" ? (
        <Form.Item name="materialFor" label="资料面向" rules={[{ required: true, message: "请选择" }]}>
          <Radio.Group options={materialAudiences.map((value) => ({ value, label: materialAudienceLabels[value] }))} />
        </Form.Item>
      ) : null}
      <Form.Item name="bodyHtml" label="正文">
        <RichTextEditor />
      </Form.Item>
      {kind === "event" ? (
        <>
          <Form.Item name="eventTime" label="活动时间" rules={[{ required: true, message: "请选择活动时间" }]}>
            <DatePicker.RangePicker showTime={{ format: "HH:mm" }} format="YYYY-MM-DD HH:mm" />
          </Form.Item>
          <Form.Item name="signupWindow" label="报名时间" rules={[{ required: true, message: "请选择报名时间" }]}>
            <DatePicker.RangePicker showTime={{ format: "HH:mm" }} format="YYYY-MM-DD HH:mm" />
          </Form.Item>
          <Space wrap>
            <Form.Item name="place" label="地点">
              <Input placeholder="例如：县心理中心 2 楼" />
            </Form.Item>
            <Form.Item name="onlineUrl" label="线上链接（可选）">
              <Input placeholder="https://…" />
            </Form.Item>
            <Form.Item name="capacity" label="名额" rules={[{ required: true, message: "请填写名额" }]}>
              <InputNumber min={1} max={100000} />
            </Form.Item>
          </Space>
        </>
      ) : null}
      <Form.Item name="campaignId" label="所属主题活动">
        <Select allowClear placeholder="不属于主题活动" options={campaigns.map((campaign) => ({ value: campaign.id, label: campaign.title }))} />
      </Form.Item>
      <Form.Item name="roles" label="面向人群（不选则面向所有人）">
        <Checkbox.Group options={audienceRoles.map((value) => ({ value, label: audienceRoleLabels[value] }))} />
      </Form.Item>
      <Form.Item name="stages" label="学段（不选则全部学段）">
        <Checkbox.Group options={schoolStages.map((value) => ({ value, label: schoolStageLabels[value] }))} />
      </Form.Item>
      <Form.Item name="scope" label="范围">
        <Radio.Group options={[{ value: "county", label: "全县" }, { value: "schools", label: "指定学校" }]} />
      </Form.Item>
      {scope === "schools" ? (
        <Form.Item name="schoolIds" label="学校">
          <Select mode="multiple" options={schools.map((school) => ({ value: school.id, label: `${school.name}（${school.areaName}）` }))} />
        </Form.Item>
      ) : null}
      <Button type="primary" htmlType="submit" loading={busy}>
        保存
      </Button>
    </Form>
  );
}
