import { apiRoutes, type HotlineBoardView } from "@xinyuan/shared";
import { call } from "../../request";

/** The hotline board page's API call (answer type from shared/src/hotline.ts). */
export const fetchBoard = () => call<typeof apiRoutes.hotlineBoard, HotlineBoardView>(apiRoutes.hotlineBoard, { policy: "silent" });
