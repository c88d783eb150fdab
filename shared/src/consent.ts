/** Consent kinds a mini-program user gives, each versioned and timestamped on the server. */
export const consentKinds = ["privacy", "sensitive", "guardian"] as const;
export type ConsentKind = (typeof consentKinds)[number];

/** Current versions of the texts. Raising one asks every user to agree again. */
export const currentConsentVersions: Record<ConsentKind, string> = {
  // 2026-12-06: the texts now say plainly that the counsellor helping you reads your chat without a log
  // entry, and that everyone else's reads are logged (they had promised a log entry for every read).
  privacy: "2026-12-06",
  sensitive: "2026-12-06",
  guardian: "2026-09-01",
};

export const guardianRelations = ["father", "mother", "grandparent", "other_guardian"] as const;
export type GuardianRelation = (typeof guardianRelations)[number];
export const guardianRelationLabels: Record<GuardianRelation, string> = {
  father: "父亲",
  mother: "母亲",
  grandparent: "祖父母/外祖父母",
  other_guardian: "其他监护人",
};
