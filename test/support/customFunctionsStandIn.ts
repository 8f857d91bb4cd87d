export {
  ERROR_CODES,
  CustomFunctionsError,
  createCustomFunctionsStandIn,
} from "./functionsBundle.cjs";
export type { CustomFunctionsStandIn } from "./functionsBundle.cjs";
