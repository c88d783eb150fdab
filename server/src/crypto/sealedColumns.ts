import { getTableColumns, getTableName } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import {
  bookings,
  caseEvents,
  caseIdentities,
  caseReferrals,
  chatMessages,
  chatNotes,
  chatTransfers,
  consents,
  contactRecords,
  conversations,
  crisisCases,
  eventSignups,
  hotlineTickets,
  letterMessages,
  letterNotes,
  letters,
  riskAlerts,
  riskCorpusRows,
  riskFeedback,
  staff,
} from "../db/schema";
import type { SealPlace } from "./fieldCipher";

/**
 * Every encrypted column, and the row fields that name its place. A value is sealed to
 * `<table>.<column>:<row key>`, so the same ciphertext pasted into another row or column does not open.
 * The row key is the primary key `id`, except where the id is a database sequence not known before the
 * insert and the row has a natural unique key known at write time (chat and letter lines: parent + seq).
 *
 * `npm run keys:rotate` walks this list: a new sealed column must be added here, or rotation leaves it behind
 * (sealedColumns.test.ts fails on any `*_enc` column missing from the list).
 */
export interface SealedColumn<Row> {
  readonly table: PgTable;
  readonly tableName: string;
  /** The database column name (`body_enc`). */
  readonly columnName: string;
  readonly column: PgColumn;
  /** The column's TypeScript field name (`bodyEnc`). */
  readonly field: string;
  /** The row fields (TypeScript names) that make up the place, in order. */
  readonly keyFields: readonly string[];
  /** The place of this column in one row. */
  at(row: Row): SealPlace;
}

type RowOf<T extends PgTable> = T["$inferSelect"];

function sealedColumn<T extends PgTable, K extends keyof RowOf<T> & string>(table: T, field: keyof RowOf<T> & string, keyFields: readonly K[]): SealedColumn<Pick<RowOf<T>, K>> {
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const column = columns[field];
  if (!column) throw new Error(`no column ${field} on ${getTableName(table)}`);
  const tableName = getTableName(table);
  const prefix = `${tableName}.${column.name}:`;
  return {
    table,
    tableName,
    columnName: column.name,
    column,
    field,
    keyFields,
    at(row) {
      const parts = keyFields.map((key) => {
        const value = (row as Record<string, unknown>)[key];
        if (value === undefined || value === null || value === "") throw new Error(`sealed ${prefix} needs ${key}`);
        return String(value);
      });
      return { aad: prefix + parts.join(":") };
    },
  };
}

export const sealed = {
  staffTotpSecret: sealedColumn(staff, "totpSecretEnc", ["id"]),
  staffTotpPendingSecret: sealedColumn(staff, "totpPendingSecretEnc", ["id"]),
  consentGuardianName: sealedColumn(consents, "guardianNameEnc", ["id"]),
  conversationNotifyOpenid: sealedColumn(conversations, "notifyOpenidEnc", ["id"]),
  conversationRatingComment: sealedColumn(conversations, "ratingCommentEnc", ["id"]),
  chatMessageBody: sealedColumn(chatMessages, "bodyEnc", ["conversationId", "seq"]),
  chatNoteBody: sealedColumn(chatNotes, "bodyEnc", ["id"]),
  chatTransferNote: sealedColumn(chatTransfers, "noteEnc", ["id"]),
  contactSummary: sealedColumn(contactRecords, "summaryEnc", ["id"]),
  hotlinePhone: sealedColumn(hotlineTickets, "phoneEnc", ["id"]),
  hotlineTopic: sealedColumn(hotlineTickets, "topicEnc", ["id"]),
  hotlineNotifyOpenid: sealedColumn(hotlineTickets, "notifyOpenidEnc", ["id"]),
  casePhone: sealedColumn(crisisCases, "phoneEnc", ["id"]),
  caseEventNote: sealedColumn(caseEvents, "noteEnc", ["id"]),
  caseReferralFeedback: sealedColumn(caseReferrals, "feedbackEnc", ["id"]),
  caseIdentityPerson: sealedColumn(caseIdentities, "personEnc", ["id"]),
  alertNote: sealedColumn(riskAlerts, "noteEnc", ["id"]),
  letterSubject: sealedColumn(letters, "subjectEnc", ["id"]),
  letterBody: sealedColumn(letters, "bodyEnc", ["id"]),
  letterContactPreference: sealedColumn(letters, "contactPreferenceEnc", ["id"]),
  letterNotifyOpenid: sealedColumn(letters, "notifyOpenidEnc", ["id"]),
  letterMessageBody: sealedColumn(letterMessages, "bodyEnc", ["letterId", "seq"]),
  letterNoteBody: sealedColumn(letterNotes, "bodyEnc", ["id"]),
  riskCorpusText: sealedColumn(riskCorpusRows, "textEnc", ["id"]),
  riskFeedbackText: sealedColumn(riskFeedback, "textEnc", ["id"]),
  eventSignupNote: sealedColumn(eventSignups, "noteEnc", ["id"]),
  bookingNote: sealedColumn(bookings, "noteEnc", ["id"]),
  bookingRemindOpenid: sealedColumn(bookings, "remindOpenidEnc", ["id"]),
};

export const allSealedColumns: ReadonlyArray<SealedColumn<Record<string, unknown>>> = Object.values(sealed) as unknown as ReadonlyArray<SealedColumn<Record<string, unknown>>>;
