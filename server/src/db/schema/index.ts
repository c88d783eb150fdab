export * from "./directory";
export * from "./identity";
export * from "./audit";
export * from "./platform";
export * from "./presence";
