import { Form, Input, Select } from "antd";
import { FormModal, useFormSubmit } from "../../../components/FormModal";
import type { AreaView } from "@xinyuan/shared";
import { useAsync } from "../../../hooks/useAsync";
import { createArea, listSchoolsOfArea, updateArea } from "../service";

interface AreaFormValues {
  name: string;
  centreSchoolId?: string | null;
}

interface AreaFormModalProps {
  editing: AreaView | null;
  onClose: () => void;
  onSaved: () => void;
}

/** An area (片区) and its centre school, whose counsellors serve the area's schools without their own. */
export function AreaFormModal({ editing, onClose, onSaved }: AreaFormModalProps) {
  const [form] = Form.useForm<AreaFormValues>();
  const { saving, error, save } = useFormSubmit(form, async (values) => {
    const body = { name: values.name, centreSchoolId: values.centreSchoolId ?? null };
    if (editing) await updateArea(editing.id, body);
    else await createArea(body);
    onSaved();
  });
  const schools = useAsync(() => (editing ? listSchoolsOfArea(editing.id) : Promise.resolve([])), [editing?.id]);

  return (
    <FormModal
      title={editing ? `编辑片区：${editing.name}` : "新建片区"}
      saving={saving}
      error={error}
      onOk={() => void save()}
      onCancel={onClose}
    >
      <Form<AreaFormValues> form={form} layout="vertical" initialValues={{ name: editing?.name ?? "", centreSchoolId: editing?.centreSchoolId ?? null }} disabled={saving}>
        <Form.Item label="片区名称" name="name" rules={[{ required: true, whitespace: true, message: "请填写片区名称" }, { max: 40, message: "片区名称最多 40 个字" }]}>
          <Input placeholder="例如：东片区" autoComplete="off" />
        </Form.Item>
        <Form.Item label="中心校" name="centreSchoolId" extra={editing ? "片区的心理教师以中心校为依托，服务本片区没有专职心理教师的学校。" : "先创建片区并添加学校，再回来指定中心校。"}>
          <Select
            allowClear
            placeholder={editing ? "选择本片区的一所学校" : "创建后可指定"}
            disabled={!editing}
            loading={schools.loading}
            showSearch
            optionFilterProp="label"
            options={(schools.data ?? []).map((school) => ({ value: school.id, label: school.name }))}
            notFoundContent={schools.error ? "学校列表没能加载出来" : "这个片区还没有学校"}
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
