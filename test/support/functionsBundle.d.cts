export declare const ERROR_CODES: Readonly<Record<string, string>>;

export declare class CustomFunctionsError extends Error {
  constructor(code: string, message?: string);
  readonly code: string;
}

export type RegisteredFunction = (...args: unknown[]) => unknown;

export interface CustomFunctionsStandIn {
  Error: typeof CustomFunctionsError;
  ErrorCode: typeof ERROR_CODES;
  registered: Map<string, RegisteredFunction>;
  associate(id: string | Record<string, RegisteredFunction>, fn?: RegisteredFunction): void;
}

export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: {
    name: string;
    description?: string;
    type: string;
    dimensionality?: string;
    optional?: boolean;
  }[];
  result: { type?: string; dimensionality?: string };
}

export declare function createCustomFunctionsStandIn(): CustomFunctionsStandIn;

export interface FunctionsMetadata {
  allowCustomDataForDataTypeAny?: boolean;
  allowErrorForDataTypeAny?: boolean;
  functions: FunctionMetadata[];
}

export declare function loadFunctionsBundle(distDir?: string): {
  CustomFunctions: CustomFunctionsStandIn;
  registered: Map<string, RegisteredFunction>;
  metadata: FunctionsMetadata;
};

export declare function runFunctionsBundleWithoutRuntime(distDir?: string): string[];
