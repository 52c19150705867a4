export * from "./billing";
export * from "./catalog";
export * from "./examples";
export * from "./jobs";
export * from "./review-items";
export * from "./sessions";
export * from "./usage";
export * from "./users";
