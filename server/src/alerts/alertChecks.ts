import type { Services } from "../services";
import { fanOutMissedAlerts } from "./alertFanOut";
import { deliverDueWebhooks, escalateDueAlerts } from "./alertEscalator";

/** The periodic check: missed fan-outs, due escalations, webhook retries. */
export async function runAlertChecks(services: Services): Promise<void> {
  await fanOutMissedAlerts(services);
  await escalateDueAlerts({ services });
  await deliverDueWebhooks({ services });
}
