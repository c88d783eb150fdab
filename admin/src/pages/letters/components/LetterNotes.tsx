import { useState } from "react";
import { Button, Empty, Input, List, Typography } from "antd";
import dayjs from "dayjs";
import { useAsync } from "../../../hooks/useAsync";
import { LoadFailed } from "../../../components/LoadFailed";
import { addLetterNote, fetchLetterNotes } from "../service";

/** Internal notes on a letter: staff only, never shown to the writer. */
export function LetterNotes({ letterId }: { letterId: string }) {
  const notes = useAsync(() => fetchLetterNotes(letterId), [letterId]);
  const [draft, setDraft] = useState("");
  const [saving, setSaving] = useState(false);
  const save = async () => {
    setSaving(true);
    try {
      const note = await addLetterNote(letterId, draft.trim());
      notes.setData([...(notes.data ?? []), note]);
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
        内部备注，仅工作人员可见，写信人看不到。
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
                {note.staffName} · {dayjs(note.at).format("M月D日 HH:mm")}
              </Typography.Text>
              <div style={{ whiteSpace: "pre-wrap" }}>{note.body}</div>
            </div>
          </List.Item>
        )}
      />
      <Input.TextArea rows={2} value={draft} maxLength={2000} onChange={(event) => setDraft(event.target.value)} placeholder="添加备注" />
      <Button style={{ marginTop: 8 }} size="small" loading={saving} disabled={!draft.trim()} onClick={() => void save()}>
        保存备注
      </Button>
    </>
  );
}
