import type { SocketFeature } from "./socketServer";
import { presenceSocket } from "../presence/presenceSocket";

/** Socket handlers of every feature (presence, hotline queue, chat) register here. */
export const socketFeatures: SocketFeature[] = [presenceSocket];
