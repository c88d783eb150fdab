import { useState } from "react";
import { Button, Empty, Input, List, Typography } from "antd";
import { useAsync } from "../../hooks/useAsync";
import { LoadFailed } from "../LoadFailed";
import { formatCountyTime } from "../../countyTime";

export interface StaffNote {
  id: string;
  staffName: string | null;
  body: string;
  createdAt: string;
}

interface StaffNotesProps {
  /** What the notes belong to (a conversation, a letter): reloads when it changes. */
  subjectId: string;
  load: () => Promise<StaffNote[]>;
  /** Saves one note and answers with the whole list. */
  add: (body: string) => Promise<StaffNote[]>;
  readOnly?: boolean;
  /** Who cannot see them, in the hint: "同学", "写信人". */
  hiddenFrom: string;
  maxLength: number;
}

/** Private notes on a chat or a letter: staff only, never shown to the student or writer. */
export function StaffNotes({ subjectId, load, add, readOnly = false, hiddenFrom, maxLength }: StaffNotesProps) {
  const notes = useAsync(load, [subjectId]);
  const [draft, setDraft] = useState("");
  const [saving, setSaving] = useState(false);
  const save = async () => {
    setSaving(true);
    try {
      notes.setData(await add(draft.trim()));
      setDraft("");
    } catch {
      // shown by the request wrapper
    } finally {
      setSaving(false);
    }
  };
  if (notes.error) return <LoadFailed error={notes.error} onRetry={notes.reload} />;
  return (
    <>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {`仅工作人员可见，${hiddenFrom}看不到。`}
      </Typography.Paragraph>
      <List
        size="small"
        loading={notes.loading}
        dataSource={notes.data ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有备注" /> }}
        renderItem={(note) => (
          <List.Item>
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {note.staffName} · {formatCountyTime(note.createdAt, "M月D日 HH:mm")}
              </Typography.Text>
              <div style={{ whiteSpace: "pre-wrap" }}>{note.body}</div>
            </div>
          </List.Item>
        )}
      />
      {readOnly ? null : (
        <>
          <Input.TextArea rows={3} value={draft} maxLength={maxLength} onChange={(event) => setDraft(event.target.value)} placeholder="写一条备注" aria-label="私密备注" />
          <Button style={{ marginTop: 8 }} disabled={!draft.trim()} loading={saving} onClick={() => void save()}>
            保存备注
          </Button>
        </>
      )}
    </>
  );
}
