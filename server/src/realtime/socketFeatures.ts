import type { SocketFeature } from "./socketServer";

/** Socket handlers of every feature (hotline queue, chat) register here. */
export const socketFeatures: SocketFeature[] = [];
