import type { Feature } from "../features/feature";
import { dutySocket } from "./dutySocket";

/** Going on and off duty from a socket ("duty:set"); HTTP PUT /duty runs the same command. */
export const dutyFeature: Feature = {
  name: "duty",
  socket: dutySocket,
};
