/** Every connected county supervisor: new and changed alerts. */
export const alertSupervisorsRoom = "alerts-supervisors";
/** A staff member's personal room (joined on connect by the socket server): escalated alerts. */
export const alertStaffRoom = (staffId: string) => `staff-${staffId}`;
/** The LISTEN/NOTIFY channel: the payload is an alert id, nothing else. */
export const alertNotifyChannel = "xinyuan_alerts";
