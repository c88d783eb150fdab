import { Button, DatePicker, Form, Input, Space } from "antd";
import type { FormInstance } from "antd";
import type { AuditFilterForm } from "../auditFilters";
import { ActorSelect } from "./ActorSelect";
import { access } from "../../../access";
import { useSession } from "../../../session/useSession";

interface AuditSearchFormProps {
  form: FormInstance<AuditFilterForm>;
  onSearch: (values: AuditFilterForm) => void;
}

export function AuditSearchForm({ form, onSearch }: AuditSearchFormProps) {
  const session = useSession();
  return (
    <Form<AuditFilterForm> form={form} layout="inline" onFinish={onSearch} style={{ rowGap: 12 }}>
      <Form.Item label="操作人" name="actor">
        <ActorSelect searchable={access(session?.staff).canManageStaff} />
      </Form.Item>
      <Form.Item label="动作" name="action">
        <Input placeholder="如 staff.login" allowClear style={{ width: 170 }} />
      </Form.Item>
      <Form.Item label="对象类型" name="targetType">
        <Input placeholder="如 staff、letter" allowClear style={{ width: 150 }} />
      </Form.Item>
      <Form.Item label="对象编号" name="targetId">
        <Input allowClear style={{ width: 200 }} />
      </Form.Item>
      <Form.Item label="时间" name="range">
        <DatePicker.RangePicker showTime={{ format: "HH:mm" }} format="YYYY-MM-DD HH:mm" allowEmpty={[true, true]} />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            查询
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              onSearch({});
            }}
          >
            重置
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
