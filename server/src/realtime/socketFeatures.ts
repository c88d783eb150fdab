import type { SocketFeature } from "./socketServer";
import { presenceSocket } from "../presence/presenceSocket";
import { chatSocket } from "../chat/chatSocket";
import { hotlineSocket } from "../hotline/hotlineSocket";
import { alertSocket } from "../alerts/alertSocket";

/** Socket handlers of every feature (presence, hotline queue, chat) register here. */
export const socketFeatures: SocketFeature[] = [presenceSocket];
socketFeatures.push(chatSocket);
socketFeatures.push(hotlineSocket);
socketFeatures.push(alertSocket);
