import packageJson from "../../package.json";

/** The add-in's version, stamped into audit trails and generated sheets. */
export const VERSION: string = packageJson.version;
