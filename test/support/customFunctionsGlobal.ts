import { createCustomFunctionsStandIn } from "./functionsBundle.cjs";

// Excel provides CustomFunctions as a global; the functions' sources read it at call time.
(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions =
  createCustomFunctionsStandIn();
