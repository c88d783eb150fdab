import { useEffect, useState } from "react";
import { Select } from "antd";
import { searchActors } from "../service";

type ActorOption = { value: string; label: string };

interface ActorSelectProps {
  /** Only staff managers may list staff; others filter by clicking a name in the table (no refused request). */
  searchable?: boolean;
  value?: ActorOption;
  onChange?: (value: ActorOption | undefined) => void;
}

/** Picks a staff member by name, searching on the server as the user types. */
export function ActorSelect({ searchable = true, value, onChange }: ActorSelectProps) {
  const [search, setSearch] = useState("");
  const [options, setOptions] = useState<ActorOption[]>([]);
  const [loading, setLoading] = useState(false);
  const [unavailable, setUnavailable] = useState(!searchable);

  useEffect(() => {
    if (!searchable) return;
    let current = true;
    setLoading(true);
    const timer = window.setTimeout(() => {
      searchActors(search)
        .then((staff) => current && setOptions(staff.map((member) => ({ value: member.id, label: `${member.displayName}（${member.username}）` }))))
        .catch(() => current && setUnavailable(true))
        .finally(() => current && setLoading(false));
    }, 300);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [search, searchable]);

  return (
    <Select<ActorOption>
      labelInValue
      showSearch
      allowClear
      filterOption={false}
      value={value}
      onChange={(next) => onChange?.(next ?? undefined)}
      onSearch={setSearch}
      options={options}
      loading={loading}
      placeholder={unavailable ? "可点击表格中的操作人筛选" : "输入姓名搜索"}
      notFoundContent={unavailable ? "你的账号不能检索工作人员名单；可点击表格中的操作人来筛选。" : loading ? "正在搜索…" : "没有找到"}
      style={{ width: 220 }}
    />
  );
}
