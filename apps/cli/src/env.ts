import { parseConfig } from "@seismo/config";

/** The only place the CLI reads process.env. */
export const loadConfig = () => parseConfig(process.env);
