import { StaffNotes } from "../../../components/staffNotes/StaffNotes";
import { addNote, fetchNotes } from "../service";
import { useSubmit } from "../../../hooks/useSubmit";

/** Private notes on the conversation: staff only, never shown to the student. */
export function NotesPanel({ conversationId, readOnly }: { conversationId: string; readOnly: boolean }) {
  return <StaffNotes subjectId={conversationId} load={() => fetchNotes(conversationId)} add={(body) => addNote(conversationId, body)} readOnly={readOnly} hiddenFrom="同学" maxLength={4000} />;
}
