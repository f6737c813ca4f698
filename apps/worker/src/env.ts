import { parseConfig } from "@seismo/config";

/** The only place this app reads process.env. */
export const loadConfig = () => parseConfig(process.env);
