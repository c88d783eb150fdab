/** County wall-clock time lives in shared (the mini-program shows it too); kept here for the server's imports. */
export { addDays, countyDateOf, countyClockOf, countyDateTimeOf, countyInstant, countyRfc3339Of, isoWeekday, startOfCountyDay } from "@xinyuan/shared";
