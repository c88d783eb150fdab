export * from "./chatRetryRule";
export * from "./chatSessionPorts";
export * from "./chatSessionEngine";
