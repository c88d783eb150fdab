import type { Feature } from "../features/feature";
import type { SocketFeature } from "./socketServer";

/** The socket handlers of the given features, in registry order (startServer passes the registry). */
export function socketFeaturesOf(features: readonly Feature[]): SocketFeature[] {
  return features.flatMap((feature) => (feature.socket ? [feature.socket] : []));
}
