export * from "./directory";
export * from "./identity";
export * from "./audit";
export * from "./platform";
export * from "./presence";
export * from "./contacts";
export * from "./chat";
export * from "./hotline";
