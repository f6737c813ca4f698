export { type ApiApp, type ApiDeps, createApi } from "./app/index.ts";
