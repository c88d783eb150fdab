import { apiRoutes, type AppointmentStatusView, type ExpertBody, type ExpertView, type ManagedSlotView, type Page, type RoomBody, type RoomView, type SchoolView, type StaffView } from "@xinyuan/shared";
import { call } from "../../request";

/** The appointment setup page's API calls: lists load silently (the page shows the failure), saves show theirs in the form. */
export const fetchAppointmentStatus = () => call<typeof apiRoutes.appointmentStatus, AppointmentStatusView>(apiRoutes.appointmentStatus, { policy: "silent" });
export const fetchRooms = () => call<typeof apiRoutes.listCounsellingRooms, RoomView[]>(apiRoutes.listCounsellingRooms, { query: {}, policy: "silent" });
export const saveRoom = (id: string | null, body: RoomBody) =>
  id ? call<typeof apiRoutes.updateCounsellingRoom, RoomView>(apiRoutes.updateCounsellingRoom, { params: { id }, body, policy: "silent" }) : call<typeof apiRoutes.createCounsellingRoom, RoomView>(apiRoutes.createCounsellingRoom, { body, policy: "silent" });
export const fetchExperts = () => call<typeof apiRoutes.listExperts, ExpertView[]>(apiRoutes.listExperts, { policy: "silent" });
export const saveExpert = (id: string | null, body: ExpertBody) =>
  id ? call<typeof apiRoutes.updateExpert, ExpertView>(apiRoutes.updateExpert, { params: { id }, body, policy: "silent" }) : call<typeof apiRoutes.createExpert, ExpertView>(apiRoutes.createExpert, { body, policy: "silent" });
export const fetchManagedSlots = (owner: { roomId: string } | { expertId: string }) => call<typeof apiRoutes.listManagedSlots, ManagedSlotView[]>(apiRoutes.listManagedSlots, { query: owner, policy: "silent" });
export const searchSchools = (q: string) =>
  call<typeof apiRoutes.listSchools, Page<SchoolView>>(apiRoutes.listSchools, { query: { q: q || undefined, page: 1, pageSize: 50 }, policy: "silent" }).then((page) => page.items);
/** Only centre admins may list staff; others pick nobody and the server keeps what was set. */
export const searchStaff = (q: string) =>
  call<typeof apiRoutes.listStaff, Page<StaffView>>(apiRoutes.listStaff, { query: { page: 1, pageSize: 50, q: q || undefined }, policy: "silent" }).then((page) => page.items);
