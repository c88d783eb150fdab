import type { Feature } from "./feature";
import { dutyFeature } from "../duty/dutyFeature";
import { chatFeature } from "../chat/chatFeature";
import { hotlineFeature } from "../hotline/hotlineFeature";
import { casesFeature } from "../cases/casesFeature";
import { alertsFeature } from "../alerts/alertsFeature";
import { lettersFeature } from "../letters/lettersFeature";
import { riskFeature } from "../risk/riskFeature";
import { publishingFeature } from "../publishing/publishingFeature";
import { appointmentsFeature } from "../appointments/appointmentsFeature";
import { accountFeature } from "../account/accountFeature";
import { retentionFeature } from "../retention/retentionFeature";

/**
 * Every feature of the process, in the order their socket handlers, jobs, export sections and deletion
 * steps run. A new feature adds its one `<feature>Feature` here and nowhere else; startServer and
 * buildServices read this list, so the lower layers (realtime, jobs, users) never import a feature.
 */
// riskFeature comes first: its deletion step finds feedback through the chats and letters of the account,
// which the chat and letter steps then detach from it.
export const features: readonly Feature[] = [riskFeature, dutyFeature, hotlineFeature, chatFeature, casesFeature, alertsFeature, lettersFeature, publishingFeature, appointmentsFeature, accountFeature, retentionFeature];
