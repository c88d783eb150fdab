import { StaffNotes } from "../../../components/staffNotes/StaffNotes";
import { addLetterNote, fetchLetterNotes } from "../service";

/** Internal notes on a letter: staff only, never shown to the writer. */
export function LetterNotes({ letterId }: { letterId: string }) {
  return <StaffNotes subjectId={letterId} load={() => fetchLetterNotes(letterId)} add={(body) => addLetterNote(letterId, body)} hiddenFrom="写信人" maxLength={2000} />;
}
