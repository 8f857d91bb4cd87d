import { createCustomFunctionsStandIn } from "./customFunctionsStandIn";

(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = createCustomFunctionsStandIn();
