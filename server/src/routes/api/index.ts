import type { AppRouter } from "../../http/mountRoute";
import { mountPublicRoutes } from "./public/public";
import { mountDutyRoutes } from "./duty/duty";
import { mountWechatAuthRoutes } from "./wechatAuth/wechatAuth";
import { mountMeRoutes } from "./me/me";
import { mountPublicSchoolRoutes } from "./public/publicSchools";
import { mountContactCategoryRoutes } from "./contacts/contactCategories";
import { mountCallerTicketRoutes } from "./hotline/callerTickets";
import { mountStaffCallRoutes } from "./hotline/staffCalls";
import { mountRosterRoutes } from "./roster/roster";
import { mountAuthRoutes } from "./auth/auth";
import { mountAccountRoutes } from "./account/account";
import { mountStaffRoutes } from "./staff/staff";
import { mountAreaRoutes } from "./areas/areas";
import { mountSchoolRoutes } from "./schools/schools";
import { mountAuditEventRoutes } from "./auditEvents/auditEvents";
import { mountSettingsRoutes } from "./settings/settings";
import { mountRetentionRoutes } from "./settings/retention";
import { mountChatRoutes } from "./chats";
import { mountStatisticsRoutes } from "./statistics/statistics";
import { mountCaseRoutes } from "./cases/cases";
import { mountCaseSettingsRoutes } from "./cases/caseSettings";
import { mountAlertRoutes } from "./alerts/alerts";
import { mountLetterRoutes } from "./letters";
import { mountRiskLexiconRoutes } from "./riskLexicon/riskLexicon";
import { mountRiskFeedbackRoutes } from "./riskFeedback/riskFeedback";
import { mountPublishingRoutes } from "./publishing";
import { mountWechatPayNotifyRoutes } from "./payments/wechatPayNotify";
import { mountAppointmentRoutes } from "./appointments/appointments";

/**
 * Every API resource mounts its routes here. Each folder under routes/api/ is one resource with its
 * handlers, and its tests beside them.
 */
export const routeModules: Array<(router: AppRouter) => void> = [mountPublicRoutes, mountDutyRoutes];
routeModules.push(mountWechatAuthRoutes, mountMeRoutes);
routeModules.push(mountContactCategoryRoutes);
routeModules.push(mountAuthRoutes, mountAccountRoutes, mountStaffRoutes, mountAreaRoutes, mountSchoolRoutes, mountAuditEventRoutes, mountSettingsRoutes, mountRetentionRoutes);
routeModules.push(mountChatRoutes);
routeModules.push(mountCallerTicketRoutes, mountStaffCallRoutes, mountRosterRoutes);
routeModules.push(mountPublicSchoolRoutes);
routeModules.push(mountStatisticsRoutes);
routeModules.push(mountCaseRoutes, mountCaseSettingsRoutes);
routeModules.push(mountAlertRoutes);
routeModules.push(mountLetterRoutes);
routeModules.push(mountRiskLexiconRoutes, mountRiskFeedbackRoutes);
routeModules.push(mountPublishingRoutes);
routeModules.push(mountWechatPayNotifyRoutes, mountAppointmentRoutes);
