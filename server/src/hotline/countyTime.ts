/** County wall-clock time lives beside clock.ts (a lower layer, so users/ can use it too); kept here for existing imports. */
export * from "../countyTime";
