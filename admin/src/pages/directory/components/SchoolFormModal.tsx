import { Form, Input, Select, Switch } from "antd";
import { FormModal, useFormSubmit } from "../../../components/FormModal";
import { schoolStageLabels, schoolStages, type SchoolStage, type SchoolView } from "@xinyuan/shared";
import { useAsync } from "../../../hooks/useAsync";
import { createSchool, listAreaOptions, updateSchool } from "../service";

interface SchoolFormValues {
  name: string;
  stage: SchoolStage;
  areaId: string;
  hasFullTimeCounsellor: boolean;
}

interface SchoolFormModalProps {
  editing: SchoolView | null;
  onClose: () => void;
  onSaved: () => void;
}

export function SchoolFormModal({ editing, onClose, onSaved }: SchoolFormModalProps) {
  const [form] = Form.useForm<SchoolFormValues>();
  const { saving, error, save } = useFormSubmit(form, async (values) => {
    if (editing) await updateSchool(editing.id, values);
    else await createSchool(values);
    onSaved();
  });
  const areas = useAsync(listAreaOptions, []);

  return (
    <FormModal
      title={editing ? `编辑学校：${editing.name}` : "新建学校"}
      saving={saving}
      error={error}
      onOk={() => void save()}
      onCancel={onClose}
    >
      <Form<SchoolFormValues>
        form={form}
        layout="vertical"
        disabled={saving}
        initialValues={
          editing
            ? { name: editing.name, stage: editing.stage, areaId: editing.areaId, hasFullTimeCounsellor: editing.hasFullTimeCounsellor }
            : { hasFullTimeCounsellor: false }
        }
      >
        <Form.Item label="学校名称" name="name" rules={[{ required: true, whitespace: true, message: "请填写学校名称" }, { max: 60, message: "学校名称最多 60 个字" }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label="学段" name="stage" rules={[{ required: true, message: "请选择学段" }]}>
          <Select placeholder="选择学段" options={schoolStages.map((stage) => ({ value: stage, label: schoolStageLabels[stage] }))} />
        </Form.Item>
        <Form.Item label="所属片区" name="areaId" rules={[{ required: true, message: "请选择片区" }]}>
          <Select
            placeholder="选择片区"
            loading={areas.loading}
            showSearch
            optionFilterProp="label"
            options={(areas.data ?? []).map((area) => ({ value: area.id, label: area.name }))}
            notFoundContent={areas.error ? "片区列表没能加载出来" : "请先新建片区"}
          />
        </Form.Item>
        <Form.Item label="有专职心理教师" name="hasFullTimeCounsellor" valuePropName="checked" extra="没有专职心理教师的学校，由所在片区的心理教师负责信箱和跟进。">
          <Switch checkedChildren="有" unCheckedChildren="无" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
