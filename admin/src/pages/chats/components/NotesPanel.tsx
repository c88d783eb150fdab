import { useState } from "react";
import { Button, Empty, Input, List, Typography } from "antd";
import dayjs from "dayjs";
import { useAsync } from "../../../hooks/useAsync";
import { LoadFailed } from "../../../components/LoadFailed";
import { addNote, fetchNotes } from "../service";
import { useSubmit } from "../../../hooks/useSubmit";

/** Private notes on the conversation: staff only, never shown to the student. */
export function NotesPanel({ conversationId, readOnly }: { conversationId: string; readOnly: boolean }) {
  const notes = useAsync(() => fetchNotes(conversationId), [conversationId]);
  const [draft, setDraft] = useState("");
  // A refusal is shown by the request wrapper.
  const { busy: saving, run: save } = useSubmit(async () => {
    notes.setData(await addNote(conversationId, draft.trim()));
    setDraft("");
  });
  if (notes.error) return <LoadFailed error={notes.error} onRetry={notes.reload} />;
  return (
    <>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        仅工作人员可见，同学看不到。
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
                {note.staffName} · {dayjs(note.createdAt).format("M月D日 HH:mm")}
              </Typography.Text>
              <div style={{ whiteSpace: "pre-wrap" }}>{note.body}</div>
            </div>
          </List.Item>
        )}
      />
      {readOnly ? null : (
        <>
          <Input.TextArea rows={3} value={draft} maxLength={4000} onChange={(event) => setDraft(event.target.value)} placeholder="写一条备注" aria-label="私密备注" />
          <Button style={{ marginTop: 8 }} disabled={!draft.trim()} loading={saving} onClick={() => void save()}>
            保存备注
          </Button>
        </>
      )}
    </>
  );
}
