import { Form, Radio, Select } from "antd";
import { scopeLevelLabels, type AreaView, type ScopeLevel, type SchoolView, type StaffView } from "@xinyuan/shared";
import { useAsync } from "../../../hooks/useAsync";
import { listAreaOptions, listSchoolOptions } from "../service";

interface ScopeFieldsProps {
  /** The levels the signed-in manager may give (see grantableScopeLevels). */
  levels: ScopeLevel[];
  /** The manager's own scope: an area manager picks inside their area, a school manager has one school. */
  managerScope: StaffView["scope"];
  disabled?: boolean;
}

const noAreas: AreaView[] = [];
const noSchools: SchoolView[] = [];

/** Level, then area, then school: each list narrows the next, inside what the manager may touch. */
export function ScopeFields({ levels, managerScope, disabled = false }: ScopeFieldsProps) {
  const form = Form.useFormInstance();
  const level = Form.useWatch<ScopeLevel | undefined>("level", form);
  const areaId = Form.useWatch<string | undefined>("areaId", form);
  const areaLocked = managerScope.level !== "county";
  const effectiveAreaId = areaLocked ? (managerScope.areaId ?? undefined) : areaId;

  const areas = useAsync(() => (areaLocked ? Promise.resolve(noAreas) : listAreaOptions().then((page) => page.items)), [areaLocked]);
  const schools = useAsync(
    () => (level === "school" && effectiveAreaId ? listSchoolOptions(effectiveAreaId, undefined).then((page) => page.items) : Promise.resolve(noSchools)),
    [level, effectiveAreaId],
  );

  const areaOptions = areaLocked
    ? [{ value: managerScope.areaId ?? "", label: managerScope.areaName ?? "本片区" }]
    : (areas.data ?? []).map((area) => ({ value: area.id, label: area.name }));
  const schoolOptions =
    managerScope.level === "school"
      ? [{ value: managerScope.schoolId ?? "", label: managerScope.schoolName ?? "本校" }]
      : (schools.data ?? []).map((school) => ({ value: school.id, label: school.name }));

  return (
    <>
      <Form.Item label="所属范围" name="level" rules={[{ required: true, message: "请选择所属范围" }]}>
        <Radio.Group
          disabled={disabled}
          optionType="button"
          options={levels.map((value) => ({ value, label: scopeLevelLabels[value] }))}
          onChange={() => form.setFieldsValue({ schoolId: managerScope.level === "school" ? managerScope.schoolId : undefined })}
        />
      </Form.Item>
      {level === "area" || level === "school" ? (
        <Form.Item label="片区" name="areaId" rules={[{ required: true, message: "请选择片区" }]}>
          <Select
            placeholder="选择片区"
            options={areaOptions}
            disabled={disabled || areaLocked}
            loading={areas.loading}
            showSearch
            optionFilterProp="label"
            notFoundContent={areas.error ? "片区列表没能加载出来，请关闭后重试" : "还没有片区"}
            onChange={() => form.setFieldsValue({ schoolId: undefined })}
          />
        </Form.Item>
      ) : null}
      {level === "school" ? (
        <Form.Item label="学校" name="schoolId" rules={[{ required: true, message: "请选择学校" }]}>
          <Select
            placeholder={effectiveAreaId ? "选择学校" : "请先选择片区"}
            options={schoolOptions}
            disabled={disabled || !effectiveAreaId || managerScope.level === "school"}
            loading={schools.loading}
            showSearch
            optionFilterProp="label"
            notFoundContent={schools.error ? "学校列表没能加载出来，请重试" : "这个片区还没有学校"}
          />
        </Form.Item>
      ) : null}
    </>
  );
}
