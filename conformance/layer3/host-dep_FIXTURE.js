export const seen = typeof where === "undefined" ? "start" : where;
